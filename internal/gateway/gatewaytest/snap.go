package gatewaytest

import (
	"encoding/json"
	"net/http"
	"strings"

	"lokadaya/internal/gateway"
)

// Messages of the gateway, worded as Midtrans words them.
const (
	msgUnauthorized = "Access denied due to unauthorized transaction, please check client or server key"
	msgDuplicate    = "transaction_details.order_id sudah digunakan"
	msgNotFound     = "Transaction doesn't exist."
)

// createRequest is the part of the Snap request the gateway checks.
type createRequest struct {
	TransactionDetails struct {
		OrderID     string `json:"order_id"`
		GrossAmount int64  `json:"gross_amount"`
	} `json:"transaction_details"`
	CustomerDetails struct {
		FirstName string `json:"first_name"`
		LastName  string `json:"last_name"`
	} `json:"customer_details"`
	ItemDetails []struct {
		Price    int64 `json:"price"`
		Quantity int64 `json:"quantity"`
	} `json:"item_details"`
	Callbacks struct {
		Finish string `json:"finish"`
	} `json:"callbacks"`
}

// create serves POST /snap/v1/transactions.
func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		snapError(w, http.StatusUnauthorized, msgUnauthorized)
		return
	}
	raw, err := readBody(r)
	var req createRequest
	if err == nil {
		err = json.Unmarshal(raw, &req)
	}
	if err != nil {
		snapError(w, http.StatusBadRequest, "There was a problem in the JSON you submitted")
		return
	}
	if msg := checkCreate(&req); msg != "" {
		snapError(w, http.StatusBadRequest, msg)
		return
	}
	o := &order{notifyURL: r.Header.Get("X-Override-Notification")}
	o.OrderID = req.TransactionDetails.OrderID
	o.GrossAmount = req.TransactionDetails.GrossAmount
	o.CustomerName = strings.TrimSpace(req.CustomerDetails.FirstName + " " + req.CustomerDetails.LastName)
	o.FinishURL = req.Callbacks.Finish
	o.CreatedAt = s.now().UTC()
	o.Token = randomHex(16)

	s.mu.Lock()
	_, dup := s.orders[o.OrderID]
	if !dup {
		s.orders[o.OrderID] = o
		s.tokens[o.Token] = o.OrderID
	}
	s.mu.Unlock()
	if dup {
		snapError(w, http.StatusConflict, msgDuplicate)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{
		"token":        o.Token,
		"redirect_url": strings.TrimRight(s.BaseURL, "/") + "/pay/" + o.Token,
	})
}

// checkCreate returns the gateway's complaint about req, or "".
func checkCreate(req *createRequest) string {
	td := req.TransactionDetails
	if !gateway.ValidOrderID(td.OrderID) {
		return "transaction_details.order_id is invalid"
	}
	if td.GrossAmount <= 0 {
		return "transaction_details.gross_amount must be greater than or equal to 0.01"
	}
	if len(req.ItemDetails) == 0 {
		return ""
	}
	var sum int64
	for _, it := range req.ItemDetails {
		if it.Price <= 0 || it.Quantity <= 0 || it.Quantity > (td.GrossAmount-sum)/it.Price {
			return "transaction_details.gross_amount is not equal to the sum of item_details"
		}
		sum += it.Price * it.Quantity
	}
	if sum != td.GrossAmount {
		return "transaction_details.gross_amount is not equal to the sum of item_details"
	}
	return ""
}

// status serves GET /v2/{order_id}/status. As with Snap, a transaction
// whose payer has not acted yet does not exist for this endpoint.
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"status_code": "401", "status_message": msgUnauthorized})
		return
	}
	s.mu.Lock()
	o, ok := s.orders[r.PathValue("order_id")]
	var body map[string]string
	if ok && o.Status != "" {
		body = s.fields(&o.Order, Event{TransactionStatus: o.Status, FraudStatus: o.FraudStatus, PaymentType: o.PaymentType})
	}
	s.mu.Unlock()
	if body == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"status_code": "404", "status_message": msgNotFound})
		return
	}
	body["status_message"] = "Success, transaction is found"
	writeJSON(w, http.StatusOK, body)
}
