package cli

import (
	"os"
	"strconv"
)

// envInt reads a whole-number environment variable, def when unset or not
// a number.
func envInt(name string, def int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv(name), 10, 64); err == nil {
		return v
	}
	return def
}
