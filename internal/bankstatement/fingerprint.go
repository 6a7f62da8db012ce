package bankstatement

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// fingerprint gives every line of st a stable identity: a hash of the
// bank, account, day, amount, description, balance, whether it is pending
// and the line's ordinal
// among lines identical in all of those. Importing the same file again
// yields the same fingerprints, so a store keyed on them skips what it
// already has; two genuinely identical transfers on one day (the
// ordinal) stay distinct.
func fingerprint(st *Statement) {
	seen := map[string]int{}
	for i := range st.Lines {
		l := &st.Lines[i]
		bal := "-"
		if l.Balance != nil {
			bal = strconv.FormatInt(*l.Balance, 10)
		}
		parts := []string{string(st.Bank), st.Account, l.Date.Format("2006-01-02"),
			strconv.FormatInt(l.Amount, 10), l.Description, bal}
		if l.Pending { // a posted line is another line than its pending self
			parts = append(parts, "pending")
		}
		key := strings.Join(parts, "\x1f")
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x1f" + strconv.Itoa(n)))
		l.Fingerprint = hex.EncodeToString(sum[:16])
	}
}
