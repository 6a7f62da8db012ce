package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"lokadaya/internal/gateway"
	"lokadaya/internal/httpfront"
)

// The HTTP floor: the same donors make the same HTTP exchanges as a real
// donation (the API call, the site asking the gateway for a payment page,
// the gateway's signed notification, the site asking the gateway's status
// API to confirm it), through the same front and the same local gateway,
// but the site stores nothing. It is the rate no storage could beat on
// this machine, printed beside the real one.

// floorSite answers the donation API and the notification without
// storage, confirming through the gateway as the application does.
type floorSite struct {
	gw        *gateway.Client
	notify    string // the notification URL given to the gateway
	next      atomic.Int64
	amounts   [1 << 16]atomic.Int64 // given, by order id modulo the size
	confirmed atomic.Int64
}

func (f *floorSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/notify":
		f.notified(w, r)
	default:
		f.donate(w, r)
	}
}

// donate asks the gateway for a payment page and answers like the API.
func (f *floorSite) donate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Amount int64  `json:"amount"`
		Name   string `json:"name"`
		Email  string `json:"email"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 64<<10)).Decode(&in); err != nil || in.Amount <= 0 {
		http.Error(w, "bad donation", http.StatusBadRequest)
		return
	}
	id := f.next.Add(1)
	f.amounts[id%int64(len(f.amounts))].Store(in.Amount)
	created, err := f.gw.CreateTransaction(r.Context(), gateway.Transaction{OrderID: strconv.FormatInt(id, 10),
		GrossAmount: in.Amount, Customer: gateway.Customer{Name: in.Name, Email: in.Email}, NotificationURL: f.notify})
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "status": "pending", "payment_url": created.RedirectURL})
}

// notified verifies the notification, confirms it with the status API and
// counts the money.
func (f *floorSite) notified(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		return
	}
	n, err := gateway.ParseNotification(body, f.gw.ServerKey)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	st, err := f.gw.Status(r.Context(), n.OrderID)
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	id, _ := strconv.ParseInt(st.OrderID, 10, 64)
	if st.State == gateway.StatePaid && st.GrossAmount == f.amounts[id%int64(len(f.amounts))].Load() {
		f.confirmed.Add(st.GrossAmount)
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"outcome":"applied","status":"confirmed"}`)
}

// floor runs opts's donors against a floorSite and returns the donations
// per second, checking that every rupiah given was confirmed.
func floor(opts options) (float64, error) {
	gw := newGateway(opts.Workers)
	defer gw.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	site := "http://" + ln.Addr().String()
	f := &floorSite{gw: &gateway.Client{BaseURL: gw.BaseURL, ServerKey: benchGatewayKey,
		HTTP: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 32}}},
		notify: site + "/notify"}
	hs := httpfront.New(f, nil, nil)
	go func() { _ = hs.Serve(ln) }()
	defer hs.Shutdown(context.Background())
	given, elapsed, err := drive(opts, gw, site, []benchCampaign{{Slug: "floor"}})
	if err != nil {
		return 0, err
	}
	if got := f.confirmed.Load(); got != given {
		return 0, fmt.Errorf("floor: confirmed Rp%d of Rp%d given", got, given)
	}
	return float64(opts.Donations) / elapsed.Seconds(), nil
}
