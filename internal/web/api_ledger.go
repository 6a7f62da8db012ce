package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/i18n"
	"lokadaya/internal/ledger"
	"lokadaya/internal/org"
	"lokadaya/internal/region"
)

// apiLedgerEntry is one entry of an organisation's open books, with every
// field its hash covers, so anybody can recompute the chain (docs/ledger.md).
// Empty optional fields are null.
type apiLedgerEntry struct {
	OrgID        int64   `json:"org_id"`
	Seq          int64   `json:"seq"`
	Time         string  `json:"time"`
	Kind         string  `json:"kind"`
	Amount       int64   `json:"amount"`
	Category     string  `json:"category"`
	CampaignID   *int64  `json:"campaign_id"`
	Campaign     *string `json:"campaign"`
	InitiativeID *int64  `json:"initiative_id"`
	Initiative   *string `json:"initiative"`
	Description  string  `json:"description"`
	Counterparty string  `json:"counterparty"`
	ReceiptKey   *string `json:"receipt_key"`
	SourceType   *string `json:"source_type"`
	SourceID     *int64  `json:"source_id"`
	ReversesSeq  *int64  `json:"reverses_seq"`
	RecordedBy   *int64  `json:"recorded_by"`
	PrevHash     string  `json:"prev_hash"`
	Hash         string  `json:"hash"`
}

func optID(n int64) *int64 {
	if n == 0 {
		return nil
	}
	return &n
}

func optText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toAPILedgerEntry(l *ledger.Listed) apiLedgerEntry {
	return apiLedgerEntry{OrgID: l.OrgID, Seq: l.Seq, Time: l.RecordedAt.UTC().Format(ledger.TimeLayout),
		Kind: string(l.Kind), Amount: l.Amount, Category: string(l.Category),
		CampaignID: optID(l.CampaignID), Campaign: optText(l.CampaignSlug),
		InitiativeID: optID(l.InitiativeID), Initiative: optText(l.InitiativeSlug),
		Description: l.Description, Counterparty: l.Counterparty, ReceiptKey: optText(l.ReceiptKey),
		SourceType: optText(l.SourceType), SourceID: optID(l.SourceID), ReversesSeq: optID(l.ReversesSeq),
		RecordedBy: optID(l.RecordedBy), PrevHash: l.PrevHash, Hash: l.Hash}
}

// parseLedgerQuery reads ?from=&to=&cursor= of the ledger list. from and to
// are dates (YYYY-MM-DD, whole days in the organisation's zone, to
// included) or RFC 3339 times (from included, to excluded). On a bad value
// it returns the parameter's name.
func parseLedgerQuery(q url.Values, zone *time.Location) (ledger.ListOptions, string) {
	var opt ledger.ListOptions
	for _, p := range []struct {
		name string
		dst  *time.Time
		end  bool
	}{{"from", &opt.From, false}, {"to", &opt.To, true}} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		t, ok := parseLedgerTime(v, zone, p.end)
		if !ok {
			return opt, p.name
		}
		*p.dst = t
	}
	if !opt.From.IsZero() && !opt.To.IsZero() && !opt.From.Before(opt.To) {
		return opt, "to"
	}
	if v := q.Get("cursor"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return opt, "cursor"
		}
		opt.After = n
	}
	return opt, ""
}

// parseLedgerTime reads a date or an RFC 3339 time. A date as an end is the
// start of the following day.
func parseLedgerTime(v string, zone *time.Location, end bool) (time.Time, bool) {
	if len(v) > 40 {
		return time.Time{}, false
	}
	var t time.Time
	if d, err := time.ParseInLocation(time.DateOnly, v, zone); err == nil {
		t = d
		if end {
			t = t.AddDate(0, 0, 1)
		}
	} else if t, err = time.Parse(time.RFC3339Nano, v); err != nil {
		return time.Time{}, false
	}
	if t = t.UTC(); t.Year() < 1970 || t.Year() > 9999 {
		return time.Time{}, false
	}
	return t, true
}

// apiLedgerOrg loads the {slug} organisation of a public ledger endpoint,
// answering 404 itself for unknown and hidden organisations.
func (s *Server) apiLedgerOrg(w http.ResponseWriter, r *http.Request) (*org.Organization, bool) {
	o, err := s.orgs.BySlug(r.Context(), r.PathValue("slug"))
	if errors.Is(err, db.ErrNotFound) || (err == nil && orgHidden(o)) {
		apiError(w, http.StatusNotFound, "not_found", i18n.T(lang(r), "org.api.not_found"))
		return nil, false
	}
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return nil, false
	}
	return o, true
}

// apiLedger lists an organisation's ledger entries in seq order, a page at a
// time: ?from=&to= bound the recorded time, ?cursor= is the previous page's
// next.
func (s *Server) apiLedger(w http.ResponseWriter, r *http.Request) {
	o, ok := s.apiLedgerOrg(w, r)
	if !ok {
		return
	}
	opt, bad := parseLedgerQuery(r.URL.Query(), region.Zone(o.RegionCode))
	if bad != "" {
		apiError(w, http.StatusBadRequest, "bad_request", i18n.T(lang(r), "ledger.api.bad_param", bad))
		return
	}
	opt.OrgID = o.ID
	list, next, err := ledger.List(r.Context(), s.db, opt)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	items := make([]apiLedgerEntry, 0, len(list))
	for i := range list {
		items = append(items, toAPILedgerEntry(&list[i]))
	}
	writePage(w, items, next)
}

// apiLedgerVerify recomputes an organisation's chain.
func (s *Server) apiLedgerVerify(w http.ResponseWriter, r *http.Request) {
	o, ok := s.apiLedgerOrg(w, r)
	if !ok {
		return
	}
	res, err := ledger.Verify(r.Context(), s.db, o.ID)
	if err != nil {
		s.apiOrgInternal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": res.OK, "entries": res.Entries, "head": res.Head, "first_bad": res.FirstBad})
}
