package db

import "strings"

// Marks is n placeholders separated by commas, "?, ?, ?", for an IN list
// or a row of values; Rebind numbers them for PostgreSQL.
func Marks(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}
