package figures

import "time"

// OnRead gives the plan test the counts made on read: each query and its
// arguments.
func OnRead(depth int, now time.Time) (queries []string, args [][]any) {
	for _, q := range onRead(depth, now) {
		queries, args = append(queries, q.q), append(args, q.args)
	}
	return queries, args
}
