package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"lokadaya/internal/distribution"
	"lokadaya/internal/survey"
)

// TestBrowserSurveyAndReceiptWithoutJavaScript: on a phone-sized Chromium
// with JavaScript off, a person served answers the nine questions by
// tapping the labels and sends them; the round counts the answer. Then a
// recipient types the code of their slip and confirms receipt.
func TestBrowserSurveyAndReceiptWithoutJavaScript(t *testing.T) {
	w := newVoiceWorld(t)
	rd := w.openRound(t, "SKM Semester I", "2025-01-01", "2025-06-30", "")
	// The accessibility checks run where axe-core is installed; the rest
	// of the test runs everywhere.
	var axe string
	t.Run("axe-core", func(t *testing.T) { axe = axeSource(t) })
	tab := newBrowser(t)
	check := func(page string) {
		if axe != "" { // axe is a script: let it run for the check only
			run(t, tab, "scripts on for axe", emulation.SetScriptExecutionDisabled(false))
			checkAxe(t, tab, axe, page)
			run(t, tab, "scripts off", emulation.SetScriptExecutionDisabled(true))
		}
	}
	run(t, tab, "scripts off", emulation.SetScriptExecutionDisabled(true))
	run(t, tab, "open the questionnaire", chromedp.Navigate(w.ts.URL+"/skm/"+rd.Code),
		chromedp.WaitVisible(`input[name="u9"]`, chromedp.ByQuery))
	check("questionnaire")
	run(t, tab, "send nothing", chromedp.Click(`main form button[type="submit"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#error-summary`, chromedp.ByQuery))
	check("refused questionnaire")
	for i := range survey.NumElements {
		// The third answer of each question, by its label as a person taps it.
		sel := `fieldset#u` + strconv.Itoa(i+1) + ` label.choice:nth-of-type(3)`
		run(t, tab, "answer "+strconv.Itoa(i+1), chromedp.Click(sel, chromedp.ByQuery))
	}
	run(t, tab, "sex", chromedp.SetValue(`#sex`, "P", chromedp.ByQuery))
	var thanks string
	run(t, tab, "send", chromedp.Click(`main form button[type="submit"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#thanks`, chromedp.ByQuery), chromedp.Text(`#thanks`, &thanks, chromedp.ByQuery))
	if !strings.Contains(thanks, "Terima kasih") {
		t.Fatalf("thanks: %q", thanks)
	}
	res, err := (&survey.Store{DB: w.d}).Results(context.Background(), []int64{rd.ID})
	if err != nil {
		t.Fatal(err)
	}
	if ikm, ok := res[rd.ID].IKM(); !ok || res[rd.ID].Respondents != 1 || ikm != 75 { // nine 3s: 3 × 25
		t.Fatalf("counted %d answers, IKM %v", res[rd.ID].Respondents, ikm)
	}

	// A slip, confirmed by typing its code.
	exp := approvedExpense(t, w)
	store := &distribution.Store{DB: w.d}
	in := distribution.Input{Item: "Beras", Unit: "karung", QuantityRaw: "2", Place: "Balai RW 05", Date: "2025-06-10",
		Source: "expense:" + strconv.FormatInt(exp, 10), RecipientsText: "Rumah 1; 2"}
	dist, _, err := store.Create(context.Background(), distribution.Actor{ID: w.users["treasurer"].ID, Name: "t"}, w.org.ID, in, "2025-06-15")
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := store.Recipients(context.Background(), dist.ID)
	var done string
	run(t, tab, "type the code", chromedp.Navigate(w.ts.URL+"/terima"),
		chromedp.SendKeys(`#code`, strings.ToLower(rs[0].Code), chromedp.ByQuery),
		chromedp.Click(`main form button[type="submit"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#share`, chromedp.ByQuery))
	check("receipt page")
	run(t, tab, "confirm",
		chromedp.Click(`main form button[type="submit"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#confirmed`, chromedp.ByQuery), chromedp.Text(`#confirmed`, &done, chromedp.ByQuery))
	if !strings.Contains(done, "2 karung") {
		t.Fatalf("confirmed: %q", done)
	}
	rs, _ = store.Recipients(context.Background(), dist.ID)
	if !rs[0].Confirmed() || rs[0].ConfirmedVia != distribution.ViaCode || rs[0].Received != 2 {
		t.Fatalf("recipient %+v", rs[0])
	}
}
