package web

import (
	"context"
	"errors"
	"strings"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/donation"
	"lokadaya/internal/org"
	"lokadaya/internal/qris"
	"lokadaya/internal/validate"
)

// payWays are the ways an organisation can take money right now, in the
// order forms offer them: transfer when it has an active bank account
// (Account, its oldest), QRIS when a money manager has confirmed its
// static QRIS, online payment when the platform has a gateway. Pages name
// only these; no way at all means no donation form.
type payWays struct {
	Methods []string
	Account int64 // the bank account transfers go to; 0 without one
}

// None reports whether money cannot be taken at all.
func (w payWays) None() bool { return len(w.Methods) == 0 }

// Names lists the ways in the reader's words: "Transfer bank, QRIS".
func (w payWays) Names(v *View) string {
	names := make([]string, len(w.Methods))
	for i, m := range w.Methods {
		names[i] = v.T("donation.method." + m)
	}
	return strings.Join(names, ", ")
}

// orgPayWays finds the ways organisation orgID can take money now.
func (s *Server) orgPayWays(ctx context.Context, orgID int64) (payWays, error) {
	var w payWays
	accounts, err := s.paymentStore().Accounts(ctx, orgID)
	if err != nil {
		return w, err
	}
	for _, a := range accounts {
		if a.Active {
			w.Methods, w.Account = append(w.Methods, donation.MethodTransfer), a.ID
			break
		}
	}
	if _, err := s.confirmedQRIS(ctx, orgID); err == nil {
		w.Methods = append(w.Methods, donation.MethodQRIS)
	} else if !errors.Is(err, db.ErrNotFound) {
		var qe *qris.Error
		if !errors.As(err, &qe) { // a stored code that no longer parses is just not offered
			return w, err
		}
	}
	if s.pay != nil { // see donation_gateway.go
		w.Methods = append(w.Methods, donation.MethodGateway)
	}
	return w, nil
}

// giveMethods finds where money for c goes (its first dana need) and the
// ways to pay it offers. The key says why not when the campaign cannot
// take money now.
func (s *Server) giveMethods(ctx context.Context, c *campaign.Campaign, o *org.Organization) (donation.Target, []string, string, error) {
	t := donation.Target{CampaignID: c.ID, OrgID: c.OrgID}
	if !c.Open() || orgHidden(o) {
		return t, nil, "donation.closed.campaign", nil
	}
	for _, n := range c.Needs {
		if n.Kind == campaign.KindDana {
			t.NeedID = n.ID
			break
		}
	}
	if t.NeedID == 0 {
		return t, nil, "donation.closed.no_money", nil
	}
	ways, err := s.orgPayWays(ctx, c.OrgID)
	if err != nil {
		return t, nil, "", err
	}
	if ways.None() {
		return t, nil, "donation.closed.no_ways", nil
	}
	t.BankAccountID = ways.Account
	return t, ways.Methods, "", nil
}

// campaignPayWays are the ways c's organisation can take money, or nil
// when c does not ask for money.
func (s *Server) campaignPayWays(ctx context.Context, c *campaign.Campaign) (*payWays, error) {
	if !c.HasKind(campaign.KindDana) {
		return nil, nil
	}
	ways, err := s.orgPayWays(ctx, c.OrgID)
	return &ways, err
}

// checkPayWays refuses, as a field error, to publish campaign id when it
// asks for money that its organisation has no way to take.
func (s *Server) checkPayWays(ctx context.Context, id int64) error {
	c, err := s.campaignStore().ByID(ctx, id)
	if err != nil {
		return err
	}
	ways, err := s.campaignPayWays(ctx, c)
	if err != nil {
		return err
	}
	if ways != nil && ways.None() {
		return validate.Errors{"publish_anyway": "campaign.publish.err.no_ways"}
	}
	return nil
}
