package payment_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/audit"
	"lokadaya/internal/db"
	"lokadaya/internal/org"
	"lokadaya/internal/payment"
	"lokadaya/internal/qris"
)

// tlv writes one QRIS data object.
func tlv(id, value string) string { return fmt.Sprintf("%s%02d%s", id, len(value), value) }

// samplePayload builds a synthetic QRIS (made-up PAN, NMID and name) with
// the given point of initiation and merchant name, closed with its CRC.
func samplePayload(point, merchant string) string {
	var b strings.Builder
	b.WriteString(tlv("00", "01"))
	b.WriteString(tlv("01", point))
	b.WriteString(tlv("26", tlv("00", "ID.CO.BANKCONTOH.WWW")+tlv("01", "936099990000012345")+tlv("02", "000000012345")))
	b.WriteString(tlv("51", tlv("00", "ID.CO.QRIS.WWW")+tlv("02", "ID1025000012345")+tlv("03", "UMI")))
	b.WriteString(tlv("52", "8398"))
	b.WriteString(tlv("53", "360"))
	b.WriteString(tlv("58", "ID"))
	b.WriteString(tlv("59", merchant))
	b.WriteString(tlv("60", "BANDUNG"))
	b.WriteString("6304")
	return b.String() + fmt.Sprintf("%04X", qris.CRC16([]byte(b.String())))
}

// badCRC is s with its checksum changed.
func badCRC(s string) string {
	last := s[len(s)-1]
	if last == '0' {
		return s[:len(s)-1] + "1"
	}
	return s[:len(s)-1] + "0"
}

type fixture struct {
	orgID, otherOrg int64
	actor           payment.Actor
}

func setup(t *testing.T, d *db.DB) fixture {
	t.Helper()
	ctx := context.Background()
	u, err := (&account.Store{DB: d}).Create(ctx, "bendahara@example.org", "Bendahara", "", "kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	f := fixture{actor: payment.Actor{ID: u.ID, Name: u.Name}}
	for i, slug := range []string{"taman-baca", "lain"} {
		o, err := (&org.Store{DB: d}).Create(ctx, u.ID, org.Input{Name: "OMS " + slug, Slug: slug, LegalForm: "komunitas", RegionCode: "32.73.01.1001"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.orgID = o.ID
		} else {
			f.otherOrg = o.ID
		}
	}
	return f
}

// actions lists the audit actions recorded about an organisation, oldest
// first.
func actions(t *testing.T, d *db.DB, orgID int64) []string {
	t.Helper()
	p, err := audit.List(context.Background(), d, audit.Filter{TargetType: "organization", TargetID: strconv.FormatInt(orgID, 10), Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := len(p.Entries) - 1; i >= 0; i-- {
		if strings.HasPrefix(p.Entries[i].Action, "payment.") {
			out = append(out, p.Entries[i].Action)
		}
	}
	return out
}
