// Package crashtest holds the crash test of money: the real server
// process is killed with SIGKILL while donors give through the payment
// gateway, restarted on the same database, and the stored donations and
// the ledger are then checked against what the server acknowledged and
// what the gateway confirmed. The package has no code of its own; see
// crash_test.go and docs/operations.md ("Crash safety of money").
package crashtest
