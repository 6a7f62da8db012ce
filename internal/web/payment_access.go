package web

import (
	"lokadaya/internal/payment"
)

// CanManageMoney reports whether the caller may change where the
// organisation receives money: its owner, admins and bendahara. Platform
// admins may look but not change it, since the accounts are the
// organisation's own.
func (a *orgAccess) CanManageMoney() bool { return a.Role.CanManageMoney() }

// CanSeeMoney reports whether the caller may open the payment settings.
func (a *orgAccess) CanSeeMoney() bool { return a.Insider() }

func (s *Server) paymentStore() *payment.Store { return &payment.Store{DB: s.db} }

// paymentActor is the caller as the audit log names them.
func paymentActor(a *orgAccess) payment.Actor {
	return payment.Actor{ID: a.User.ID, Name: a.User.Name}
}

// paymentURL is the address of an organisation's payment settings.
func paymentURL(slug string) string { return "/organisasi/" + slug + "/pembayaran" }
