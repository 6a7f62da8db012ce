// Command lokadaya runs the Lokadaya platform: serve, migrate, demo, admin.
package main

import (
	"os"

	"lokadaya/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
