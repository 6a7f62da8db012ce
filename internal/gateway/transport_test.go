package gateway

import (
	"net/http"
	"testing"
)

// Concurrent donors reuse open connections to the gateway instead of
// opening one each.
func TestDefaultClientKeepsConnectionsForConcurrentDonors(t *testing.T) {
	tr, ok := defaultHTTP.Transport.(*http.Transport)
	if !ok || tr.MaxIdleConnsPerHost < 16 || tr.Proxy == nil || defaultHTTP.Timeout != DefaultTimeout {
		t.Fatalf("gateway client: %+v", defaultHTTP)
	}
}
