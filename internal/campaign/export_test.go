package campaign

// SetEndDueBatch lets a test end campaigns in small batches.
func SetEndDueBatch(n int) (restore func()) {
	old := endDueBatch
	endDueBatch = n
	return func() { endDueBatch = old }
}
