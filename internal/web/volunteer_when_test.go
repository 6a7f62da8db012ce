package web_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"lokadaya/internal/i18n"
	"lokadaya/internal/volunteer"
)

// A volunteer activity within one day is written with the day once; the
// demo's activity falls on a weekend, as its need's schedule says.
func TestVolunteerActivityTime(t *testing.T) {
	w := newDemoWorld(t)
	var needID int64
	var slug string
	if err := w.d.QueryRow(context.Background(), `SELECT n.id, c.slug FROM campaign_needs n JOIN campaigns c ON c.id = n.campaign_id
		WHERE c.org_id = ? AND n.kind = 'relawan' ORDER BY n.id LIMIT 1`, w.org.ID).Scan(&needID, &slug); err != nil {
		t.Fatal(err)
	}
	a, err := volunteer.ActivityOf(context.Background(), w.d, needID)
	if err != nil || a == nil {
		t.Fatalf("the demo's activity: %v, %v", a, err)
	}
	if day := a.Starts.In(i18n.WIB).Weekday(); day != time.Saturday && day != time.Sunday {
		t.Errorf("the activity falls on a %s; the schedule says weekends", day)
	}
	want := i18n.TimeRange(i18n.ID, a.Starts, a.Ends, i18n.WIB) // Kota Bandung
	public := "/galang-daya/" + slug + "/relawan/" + strconv.FormatInt(needID, 10)
	toolCheck(t, "sign-up page", w.get(t, "anon", public), http.StatusOK, want)
	toolCheck(t, "viewer's page", w.get(t, "viewer", "/organisasi/"+w.org.Slug+"/galang-daya/"+slug+"/relawan"), http.StatusOK, want)
	if want != i18n.Date(i18n.ID, a.Starts, i18n.WIB)+", 08.00–15.00 WIB" {
		t.Errorf("one day's activity written as %q", want)
	}
}
