// Package blobtest starts a real S3-protocol server in the test process,
// so the S3 store is tested over HTTP with the real client and not a mock.
package blobtest

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// FakeS3 serves an in-memory S3 service with one empty bucket until the
// test ends, and returns the s3:// address the application is configured
// with. Several stores opened on that address share the bucket, as two
// instances of the server would.
func FakeS3(t testing.TB, bucket string) string {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket(bucket); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend, gofakes3.WithoutVersioning()).Server())
	t.Cleanup(srv.Close)
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	// The region is given so the client does not ask the service for it.
	return "s3://" + bucket + "?endpoint=" + u.Host + "&region=us-east-1&path_style=true&insecure=true"
}
