package report

// SetStreamBatch sets how many entries the files read at a time and
// returns the previous value.
func SetStreamBatch(n int) int {
	old := streamBatch
	streamBatch = n
	return old
}
