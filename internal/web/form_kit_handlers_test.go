package web_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestFormErrorSummary posts forms with mistakes and checks that each
// page keeps the input, opens with a summary that links to every wrong
// field, marks each field with aria-invalid and aria-describedby pointing
// at its message, and posts back to the summary's fragment.
func TestFormErrorSummary(t *testing.T) {
	w := newDonationWorld(t)
	orgCampaigns := "/organisasi/taman-baca/galang-daya/baru"
	type wrong struct{ field, input string } // input: the id of the field's input, "" for a checkbox or radio group
	tests := []struct {
		name, role, path string
		form             url.Values
		wrong            []wrong
		kept             []string
	}{
		{"donation", "anon", w.page() + "/donasi",
			url.Values{"amount_custom": {""}, "name": {""}, "message": {"Semoga bermanfaat & berkah"}},
			[]wrong{{"amount", "amount_custom"}, {"name", "name"}}, []string{"Semoga bermanfaat & berkah"}},
		{"sign-up", "anon", "/daftar",
			url.Values{"name": {""}, "email": {"siti@"}, "phone": {"0812-3456-7890"}, "password": {"pendek"}},
			[]wrong{{"name", "name"}, {"email", "email"}, {"password", "password"}, {"consent", ""}},
			[]string{"siti@", "0812-3456-7890"}},
		{"login", "anon", "/masuk", url.Values{"email": {"siti@example.org"}, "password": {"salah-sekali"}},
			[]wrong{{"email", "email"}}, []string{"siti@example.org"}},
		{"new organisation", "owner", "/organisasi/baru",
			url.Values{"name": {"ab"}, "vision": {"Semua anak membaca"}, "region_prov": {""}},
			[]wrong{{"name", "name"}, {"legal_form", "legal_form"}, {"region", "region_prov"}},
			[]string{"Semua anak membaca"}},
		{"new campaign", "owner", orgCampaigns,
			url.Values{"initiative": {fmt.Sprint(w.initiative.ID)}, "title": {""}, "story": {"Cerita kami"},
				"starts_at": {"kemarin"}},
			[]wrong{{"title", "title"}, {"starts_at", "starts_at"}}, []string{"Cerita kami"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "donation" {
				tt.form.Set("token", w.formToken(t))
			}
			res := w.post(t, tt.role, tt.path, tt.form)
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422\n%s", res.status, res.body)
			}
			body := res.body
			summary := regexp.MustCompile(`(?s)<div class="error-summary" id="error-summary" tabindex="-1"[^>]*>.*?</div>`).FindString(body)
			if summary == "" {
				t.Fatalf("no focusable summary with an id:\n%s", body)
			}
			if !strings.Contains(body, `#error-summary"`) {
				t.Error("the form does not post back to the summary's fragment")
			}
			if n := strings.Count(summary, "<li>"); n != len(tt.wrong) {
				t.Errorf("summary lists %d errors, want %d:\n%s", n, len(tt.wrong), summary)
			}
			for _, f := range tt.wrong {
				msgID := "err-" + f.field
				target := f.input
				if target == "" {
					target = msgID
				}
				if !strings.Contains(summary, `<a href="#`+target+`">`) {
					t.Errorf("summary does not link to #%s:\n%s", target, summary)
				}
				if !regexp.MustCompile(`<span class="error" id="` + msgID + `">[^<]+</span>`).MatchString(body) {
					t.Errorf("no message with id %s", msgID)
				}
				attr := `name="` + f.field + `"`
				if f.input != "" {
					attr = `id="` + f.input + `"`
				}
				input := regexp.MustCompile(`<(?:input|select|textarea)[^>]*` + attr + `[^>]*>`).FindString(body)
				if !strings.Contains(input, `aria-invalid="true"`) ||
					!regexp.MustCompile(`aria-describedby="[^"]*\b`+msgID+`\b`).MatchString(input) {
					t.Errorf("%s not marked: %s", f.field, input)
				}
			}
			for _, v := range tt.kept {
				if !strings.Contains(body, html.EscapeString(v)) {
					t.Errorf("input %q not kept", v)
				}
			}
		})
	}
}

// TestRequiredFieldsMarked checks that required fields say so, in words
// and to assistive technology, before anything goes wrong.
func TestRequiredFieldsMarked(t *testing.T) {
	w := newDonationWorld(t)
	for _, tt := range []struct {
		role, path string
		fields     []string
	}{
		{"anon", w.page(), []string{"name"}},
		{"anon", "/daftar", []string{"name", "email", "password"}},
		{"owner", "/organisasi/baru", []string{"kind", "name", "region_prov"}}, // a legal form only for an OMS
	} {
		res := w.get(t, tt.role, tt.path)
		for _, f := range tt.fields {
			input := regexp.MustCompile(`<(?:input|select)[^>]* id="` + f + `"[^>]*>`).FindString(res.body)
			if !strings.Contains(input, " required") {
				t.Errorf("%s: %s not required: %s", tt.path, f, input)
			}
			label := regexp.MustCompile(`(?s)<(?:label for="`+f+`"|legend)>((?:[^<]|<span[^>]*>[^<]*</span>)*)</(?:label|legend)>`).FindAllStringSubmatch(res.body, -1)
			marked := false
			for _, l := range label {
				if strings.Contains(l[1], `<span class="required">(wajib)</span>`) {
					marked = true
				}
			}
			if !marked && f != "region_prov" || f == "region_prov" && !strings.Contains(res.body, `Wilayah <span class="required">(wajib)</span></legend>`) {
				t.Errorf("%s: %s not marked wajib", tt.path, f)
			}
		}
	}
}
