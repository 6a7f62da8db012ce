package ledger_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/ledger"
)

// TestCanonicalVector pins the worked example of the package documentation
// and a second, chained entry with non-ASCII text. The expected hashes were
// computed independently of this package from the documented rules.
func TestCanonicalVector(t *testing.T) {
	first := ledger.Entry{OrgID: 7, Seq: 1, RecordedAt: time.Date(2025, 1, 31, 3, 4, 5, 123_000, time.UTC),
		Kind: ledger.KindDonation, Amount: 250_000, Category: ledger.CatProgram, CampaignID: 12, InitiativeID: 5,
		Description: "Donasi kampanye", Counterparty: "Budi", SourceType: "donation", SourceID: 99, PrevHash: ledger.Genesis}
	wita := time.FixedZone("WITA", 8*3600)
	second := ledger.Entry{OrgID: 7, Seq: 2, RecordedAt: time.Date(2025, 2, 1, 8, 0, 0, 0, wita),
		Kind: ledger.KindReversal, Amount: -250_000, Category: ledger.CatProgram, CampaignID: 12, InitiativeID: 5,
		Description: "Salah catat — dobel", Counterparty: "Budi", ReversesSeq: 1, RecordedBy: 42}
	for _, tc := range []struct {
		name     string
		e        *ledger.Entry
		prev     string
		encoding string
		hash     string
	}{
		{"first", &first, ledger.Genesis,
			"18:lokadaya-ledger-v1,1:7,1:1,27:2025-01-31T03:04:05.000123Z,8:donation,6:250000,7:program,2:12,1:5,15:Donasi kampanye,4:Budi,0:,8:donation,2:99,0:,0:,",
			"32c64e0d047af7328dda5a5d827affd8bca04f62fd3c96b38fc546b299af81c2"},
		{"second", &second, "32c64e0d047af7328dda5a5d827affd8bca04f62fd3c96b38fc546b299af81c2",
			"18:lokadaya-ledger-v1,1:7,1:2,27:2025-02-01T00:00:00.000000Z,8:reversal,7:-250000,7:program,2:12,1:5,21:Salah catat — dobel,4:Budi,0:,0:,0:,1:1,2:42,",
			"b6fc1ffb92a77cb774413b0e2a2ed8c1f022a18d832e7b746e79d24dc6a9129a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.e.PrevHash = tc.prev
			if got := string(ledger.Canonical(tc.e)); got != tc.encoding {
				t.Errorf("encoding\n got %s\nwant %s", got, tc.encoding)
			}
			if got := ledger.ComputeHash(tc.e); got != tc.hash {
				t.Errorf("hash %s, want %s", got, tc.hash)
			}
			sum := sha256.Sum256([]byte(tc.encoding + tc.prev))
			if hex.EncodeToString(sum[:]) != tc.hash {
				t.Errorf("the documented rule does not give the pinned hash")
			}
		})
	}
}

// TestCanonicalIsUnambiguous: moving text between neighbouring fields
// changes the encoding.
func TestCanonicalIsUnambiguous(t *testing.T) {
	a := ledger.Entry{OrgID: 1, Seq: 1, Kind: ledger.KindDonation, Amount: 1, Category: ledger.CatProgram,
		Description: "a,1:b", Counterparty: ""}
	b := a
	b.Description, b.Counterparty = "a", "b"
	c := a
	c.Description, c.Counterparty = "", "a,1:b"
	if string(ledger.Canonical(&a)) == string(ledger.Canonical(&b)) || string(ledger.Canonical(&a)) == string(ledger.Canonical(&c)) {
		t.Error("different entries share an encoding")
	}
}

func TestAppendChainsAndRoundTrips(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		b := newBooks(t, d, "rantai")
		prev := ledger.Genesis
		for i, e := range sample(b) {
			got := add(t, d, e)
			if got.Seq != int64(i+1) || got.PrevHash != prev || got.Hash != ledger.ComputeHash(got) {
				t.Fatalf("entry %d: seq %d prev %s hash %s", i, got.Seq, got.PrevHash, got.Hash)
			}
			prev = got.Hash
			stored, err := ledger.Get(ctx, d, b.org, got.Seq)
			if err != nil {
				t.Fatal(err)
			}
			if !stored.RecordedAt.Equal(got.RecordedAt) || stored.RecordedAt.Location() != time.UTC {
				t.Errorf("time %v stored as %v", got.RecordedAt, stored.RecordedAt)
			}
			stored.RecordedAt = got.RecordedAt
			if *stored != *got {
				t.Errorf("stored\n %+v\nappended\n %+v", *stored, *got)
			}
			if ledger.ComputeHash(stored) != stored.Hash {
				t.Errorf("entry %d does not recompute after a round trip", got.Seq)
			}
		}
		// The campaign's initiative is filled in.
		if e, _ := ledger.Get(ctx, d, b.org, 1); e.InitiativeID != b.initiative {
			t.Errorf("initiative %d, want %d", e.InitiativeID, b.initiative)
		}
		// A zero time means now, kept to the microsecond.
		before := db.Now()
		now := add(t, d, ledger.Entry{OrgID: b.org, Kind: ledger.KindExpense, Amount: -1, Category: ledger.CatProgram})
		if now.RecordedAt.Before(before) || now.RecordedAt.Nanosecond()%1000 != 0 {
			t.Errorf("recorded at %v", now.RecordedAt)
		}
		res, err := ledger.Verify(ctx, d, b.org)
		if err != nil || !res.OK || res.Entries != 7 || res.Head != now.Hash || res.FirstBad != nil {
			t.Fatalf("verify: %+v, %v", res, err)
		}
		if seq, hash, err := ledger.Head(ctx, d, b.org); err != nil || seq != 7 || hash != now.Hash {
			t.Errorf("head %d %s %v", seq, hash, err)
		}
		// Another organisation's chain starts from Genesis.
		other := newBooks(t, d, "lain")
		if e := add(t, d, sample(other)[2]); e.Seq != 1 || e.PrevHash != ledger.Genesis {
			t.Errorf("other chain: %d %s", e.Seq, e.PrevHash)
		}
		if res, err := ledger.Verify(ctx, d, newBooks(t, d, "kosong").org); err != nil || !res.OK || res.Entries != 0 || res.Head != ledger.Genesis {
			t.Errorf("empty chain: %+v %v", res, err)
		}
		if ids, err := ledger.Orgs(ctx, d); err != nil || len(ids) != 2 || ids[0] != b.org || ids[1] != other.org {
			t.Errorf("orgs %v %v", ids, err)
		}
		e, err := ledger.BySource(ctx, d, "donation", b.org*100+2, ledger.KindDonation)
		if err != nil || e.Seq != 2 {
			t.Errorf("by source: %+v %v", e, err)
		}
		_, err = ledger.BySource(ctx, d, "donation", b.org*100+2, ledger.KindRefund)
		wantErr(t, err, db.ErrNotFound)
	})
}

func TestAppendRefuses(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		b := newBooks(t, d, "tolak")
		other := newBooks(t, d, "asing")
		ok := ledger.Entry{OrgID: b.org, Kind: ledger.KindDonation, Amount: 10_000, Category: ledger.CatProgram}
		with := func(f func(e *ledger.Entry)) ledger.Entry {
			e := ok
			f(&e)
			return e
		}
		for _, tc := range []struct {
			name string
			e    ledger.Entry
			want error
		}{
			{"no org", with(func(e *ledger.Entry) { e.OrgID = 0 }), ledger.ErrInvalid},
			{"unknown org", with(func(e *ledger.Entry) { e.OrgID = 999_999 }), db.ErrNotFound},
			{"unknown kind", with(func(e *ledger.Entry) { e.Kind = "gift" }), ledger.ErrInvalid},
			{"unknown category", with(func(e *ledger.Entry) { e.Category = "lain" }), ledger.ErrInvalid},
			{"zero amount", with(func(e *ledger.Entry) { e.Amount = 0 }), ledger.ErrInvalid},
			{"negative donation", with(func(e *ledger.Entry) { e.Amount = -5 }), ledger.ErrInvalid},
			{"positive expense", with(func(e *ledger.Entry) { e.Kind = ledger.KindExpense }), ledger.ErrInvalid},
			{"positive refund", with(func(e *ledger.Entry) { e.Kind = ledger.KindRefund }), ledger.ErrInvalid},
			{"fee outside biaya_platform", with(func(e *ledger.Entry) { e.Kind, e.Amount = ledger.KindFee, -5 }), ledger.ErrInvalid},
			{"biaya_platform not a fee", with(func(e *ledger.Entry) { e.Category = ledger.CatPlatform }), ledger.ErrInvalid},
			{"reverses without being a reversal", with(func(e *ledger.Entry) { e.ReversesSeq = 1 }), ledger.ErrInvalid},
			{"reversal without target", with(func(e *ledger.Entry) { e.Kind, e.Description = ledger.KindReversal, "x" }), ledger.ErrInvalid},
			{"source without id", with(func(e *ledger.Entry) { e.SourceType = "donation" }), ledger.ErrInvalid},
			{"source id without type", with(func(e *ledger.Entry) { e.SourceID = 4 }), ledger.ErrInvalid},
			{"bad source type", with(func(e *ledger.Entry) { e.SourceType, e.SourceID = "Donasi!", 4 }), ledger.ErrInvalid},
			{"long description", with(func(e *ledger.Entry) { e.Description = strings.Repeat("é", 1001) }), ledger.ErrInvalid},
			{"invalid UTF-8", with(func(e *ledger.Entry) { e.Counterparty = "\xff" }), ledger.ErrInvalid},
			{"NUL", with(func(e *ledger.Entry) { e.Description = "a\x00b" }), ledger.ErrInvalid},
			{"negative id", with(func(e *ledger.Entry) { e.RecordedBy = -1 }), ledger.ErrInvalid},
			{"time out of range", with(func(e *ledger.Entry) { e.RecordedAt = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC) }), ledger.ErrInvalid},
			{"other org's campaign", with(func(e *ledger.Entry) { e.CampaignID = other.campaign }), ledger.ErrInvalid},
			{"other org's initiative", with(func(e *ledger.Entry) { e.InitiativeID = other.initiative }), ledger.ErrInvalid},
			{"campaign of another initiative", with(func(e *ledger.Entry) { e.CampaignID, e.InitiativeID = b.campaign, other.initiative }), ledger.ErrInvalid},
			{"unknown campaign", with(func(e *ledger.Entry) { e.CampaignID = 999_999 }), ledger.ErrInvalid},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := tryAdd(d, tc.e)
				wantErr(t, err, tc.want)
			})
		}
		// Nothing above was written.
		if res, _ := ledger.Verify(context.Background(), d, b.org); res.Entries != 0 {
			t.Errorf("%d entries written by refused appends", res.Entries)
		}
		// A source is booked once per kind.
		booked := with(func(e *ledger.Entry) { e.SourceType, e.SourceID = "donation", 7 })
		add(t, d, booked)
		_, err := tryAdd(d, booked)
		wantErr(t, err, ledger.ErrDuplicate)
		add(t, d, with(func(e *ledger.Entry) {
			e.SourceType, e.SourceID, e.Kind, e.Amount = "donation", 7, ledger.KindRefund, -10_000
		}))
		if res, _ := ledger.Verify(context.Background(), d, b.org); !res.OK || res.Entries != 2 {
			t.Errorf("after duplicates: %+v", res)
		}
	})
}

// TestAppendLandsWithTheCaller: an entry commits or rolls back with the
// caller's transaction, and a rolled-back append leaves no gap.
func TestAppendLandsWithTheCaller(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		b := newBooks(t, d, "bersama")
		e := sample(b)[0]
		boom := errors.New("the caller's change failed")
		err := d.InTx(ctx, func(tx *db.Tx) error {
			if _, err := ledger.Append(ctx, tx, e); err != nil {
				return err
			}
			return boom
		})
		wantErr(t, err, boom)
		if got := add(t, d, e); got.Seq != 1 || got.PrevHash != ledger.Genesis {
			t.Errorf("after a rollback: seq %d", got.Seq)
		}
		// Two appends in one transaction chain to each other.
		var first, second *ledger.Entry
		if err := d.InTx(ctx, func(tx *db.Tx) error {
			var err error
			if first, err = ledger.Append(ctx, tx, sample(b)[1]); err != nil {
				return err
			}
			second, err = ledger.Append(ctx, tx, sample(b)[2])
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if first.Seq != 2 || second.Seq != 3 || second.PrevHash != first.Hash {
			t.Errorf("same transaction: %d %d", first.Seq, second.Seq)
		}
		// A lost head row is rebuilt from the chain instead of forking it.
		if _, err := d.Exec(ctx, `DELETE FROM ledger_heads WHERE org_id = ?`, b.org); err != nil {
			t.Fatal(err)
		}
		if got := add(t, d, sample(b)[3]); got.Seq != 4 || got.PrevHash != second.Hash {
			t.Errorf("after losing the head: seq %d", got.Seq)
		}
		if res, _ := ledger.Verify(ctx, d, b.org); !res.OK || res.Entries != 4 {
			t.Errorf("verify: %+v", res)
		}
	})
}

func TestReverse(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		b := newBooks(t, d, "koreksi")
		for _, e := range sample(b) {
			add(t, d, e)
		}
		r, err := reverse(d, b.org, 4, "  Nota ganda  ")
		if err != nil {
			t.Fatal(err)
		}
		orig, _ := ledger.Get(ctx, d, b.org, 4)
		if r.Seq != 7 || r.Kind != ledger.KindReversal || r.Amount != 75_000 || r.ReversesSeq != 4 ||
			r.Category != orig.Category || r.CampaignID != orig.CampaignID || r.InitiativeID != orig.InitiativeID ||
			r.Description != "Nota ganda" || r.SourceType != "" {
			t.Errorf("reversal %+v", r)
		}
		if by, err := ledger.ReversedBy(ctx, d, b.org, 4); err != nil || by != 7 {
			t.Errorf("reversed by %d %v", by, err)
		}
		if by, _ := ledger.ReversedBy(ctx, d, b.org, 3); by != 0 {
			t.Errorf("entry 3 reversed by %d", by)
		}
		for _, tc := range []struct {
			name   string
			seq    int64
			reason string
			want   error
		}{
			{"twice", 4, "lagi", ledger.ErrAlreadyReversed},
			{"a reversal", 7, "balik", ledger.ErrNotReversible},
			{"unknown entry", 99, "tidak ada", db.ErrNotFound},
			{"no reason", 1, "  ", ledger.ErrInvalid},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := reverse(d, b.org, tc.seq, tc.reason)
				wantErr(t, err, tc.want)
			})
		}
		// A reversal appended by hand must mirror its entry.
		_, err = tryAdd(d, ledger.Entry{OrgID: b.org, Kind: ledger.KindReversal, Amount: -1, Category: ledger.CatProgram,
			CampaignID: b.campaign, ReversesSeq: 1, Description: "sebagian"})
		wantErr(t, err, ledger.ErrInvalid)
		// Reversing a donation frees nothing: the source stays booked.
		if _, err := reverse(d, b.org, 1, "Dana dikembalikan"); err != nil {
			t.Fatal(err)
		}
		_, err = tryAdd(d, sample(b)[0])
		wantErr(t, err, ledger.ErrDuplicate)
		if res, _ := ledger.Verify(ctx, d, b.org); !res.OK || res.Entries != 8 {
			t.Errorf("verify %+v", res)
		}
	})
}
