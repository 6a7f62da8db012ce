package bankstatement

import (
	"fmt"
	"strings"
)

// generalMeta reads the account, holder and period lines some exports
// print above their column header; other lines are ignored.
func generalMeta(st *Statement, r record) error {
	k, v := metaKeyValue(r)
	switch {
	case k == "":
	case strings.HasPrefix(k, "no rek") || strings.HasPrefix(k, "nomor rek") || k == "norek" || k == "account no" || k == "account number":
		st.Account = accountNumber(v)
	case k == "nama" || k == "name" || k == "account name" || k == "nama rekening":
		st.Name = collapse(v)
	case k == "periode" || k == "period" || k == "periode transaksi":
		return periodMeta(st, r.line, v)
	case k == "mata uang" || k == "currency" || k == "kode mata uang":
		if c := strings.ToUpper(v); c != "" && c != "RP" && c != "IDR" {
			return lineErr(r.line, ErrCurrency)
		}
	}
	return nil
}

// metaKeyValue reads a "Key : value" line above a header (or a
// "Key,value" or KlikBCA English "Key,=,value" line) and returns the
// normalised key and cleaned value.
func metaKeyValue(r record) (string, string) {
	text := strings.Join(r.cells, " ")
	if k, v, ok := strings.Cut(text, ":"); ok {
		return norm(k), metaValue(v)
	}
	if len(r.cells) >= 2 {
		return norm(r.cells[0]), metaValue(strings.Join(r.cells[1:], " "))
	}
	return "", ""
}

// metaValue cleans a value and drops the "=" KlikBCA English puts before it.
func metaValue(v string) string {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "=") && !strings.HasPrefix(v, "=\"") {
		v = v[1:]
	}
	return cleanCell(v)
}

// periodMeta reads a period value "DD/MM/YYYY - DD/MM/YYYY" (or ISO
// dates) into st.
func periodMeta(st *Statement, line int, v string) error {
	ds := dateInText.FindAllString(v, 2)
	if len(ds) != 2 {
		ds = isoDate.FindAllString(v, 2)
	}
	if len(ds) != 2 {
		return lineErr(line, fmt.Errorf("%w: period %q", ErrDate, v))
	}
	from, err1 := parseDate(ds[0], 0)
	to, err2 := parseDate(ds[1], 0)
	if err1 != nil || err2 != nil || to.Before(from) {
		return lineErr(line, fmt.Errorf("%w: period %q", ErrDate, v))
	}
	st.From, st.To = from, to
	return nil
}
