package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/i18n"
)

func pickerServer(t *testing.T) *Server {
	t.Helper()
	s, err := New(Config{}, dbtest.Open(t), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRegionPicker walks the no-JavaScript flow: each refresh submits the
// levels chosen so far and gets the next level's options back.
func TestRegionPicker(t *testing.T) {
	s := pickerServer(t)
	for _, tc := range []struct {
		name      string
		form      url.Values
		required  bool
		code      string
		selected  [4]string
		nOptions  [4]int
		wantError bool
	}{
		{"first view", url.Values{}, true, "", [4]string{}, [4]int{38, 0, 0, 0}, false},
		{"submitted empty", url.Values{"region_prov": {""}}, true, "", [4]string{}, [4]int{38, 0, 0, 0}, true},
		{"submitted empty, optional", url.Values{"region_prov": {""}}, false, "", [4]string{}, [4]int{38, 0, 0, 0}, false},
		{"refresh with nothing chosen", url.Values{"region_prov": {""}, "region_refresh": {"1"}}, true, "", [4]string{}, [4]int{38, 0, 0, 0}, false},
		{"province chosen", url.Values{"region_prov": {"32"}, "region_kab": {""}, "region_refresh": {"1"}}, true,
			"32", [4]string{"32"}, [4]int{38, 27, 0, 0}, false},
		{"kota chosen", url.Values{"region_prov": {"32"}, "region_kab": {"32.73"}, "region_refresh": {"1"}}, true,
			"32.73", [4]string{"32", "32.73"}, [4]int{38, 27, 30, 0}, false},
		{"kecamatan chosen", url.Values{"region_prov": {"32"}, "region_kab": {"32.73"}, "region_kec": {"32.73.01"}}, true,
			"32.73.01", [4]string{"32", "32.73", "32.73.01"}, [4]int{38, 27, 30, 4}, false},
		{"all chosen", url.Values{"region_prov": {"32"}, "region_kab": {"32.73"}, "region_kec": {"32.73.01"}, "region_desa": {"32.73.01.1001"}}, true,
			"32.73.01.1001", [4]string{"32", "32.73", "32.73.01", "32.73.01.1001"}, [4]int{38, 27, 30, 4}, false},
		{"province changed, stale kota dropped", url.Values{"region_prov": {"33"}, "region_kab": {"32.73"}, "region_kec": {"32.73.01"}}, true,
			"33", [4]string{"33"}, [4]int{38, 35, 0, 0}, false},
		{"unknown kabupaten dropped", url.Values{"region_prov": {"32"}, "region_kab": {"32.99"}}, true,
			"32", [4]string{"32"}, [4]int{38, 27, 0, 0}, false},
		{"unknown province", url.Values{"region_prov": {"99"}}, true, "", [4]string{}, [4]int{38, 0, 0, 0}, true},
		{"whole code expands", url.Values{"region": {"32.73.01.1001"}}, true,
			"32.73.01.1001", [4]string{"32", "32.73", "32.73.01", "32.73.01.1001"}, [4]int{38, 27, 30, 4}, false},
		{"whole kabupaten code", url.Values{"region": {"51.71"}}, true,
			"51.71", [4]string{"51", "51.71"}, [4]int{38, 9, 4, 0}, false},
		{"picker fields win over a saved code", url.Values{"region": {"51.71"}, "region_prov": {"32"}}, true,
			"32", [4]string{"32"}, [4]int{38, 27, 0, 0}, false},
		{"garbage", url.Values{"region_prov": {"<x>"}, "region": {"'; DROP"}}, false, "", [4]string{}, [4]int{38, 0, 0, 0}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := s.regionPicker(context.Background(), i18n.ID, tc.form, tc.required)
			if err != nil {
				t.Fatal(err)
			}
			if p.Code != tc.code {
				t.Errorf("Code = %q, want %q", p.Code, tc.code)
			}
			if len(p.Levels) != 4 {
				t.Fatalf("%d levels", len(p.Levels))
			}
			for i, l := range p.Levels {
				if l.Selected != tc.selected[i] || len(l.Options) != tc.nOptions[i] {
					t.Errorf("level %d: selected %q with %d options, want %q with %d",
						i+1, l.Selected, len(l.Options), tc.selected[i], tc.nOptions[i])
				}
				if l.Hidden() != (tc.nOptions[i] == 0) {
					t.Errorf("level %d hidden = %v", i+1, l.Hidden())
				}
			}
			if (p.Error != "") != tc.wantError {
				t.Errorf("Error = %q, want error %v", p.Error, tc.wantError)
			}
		})
	}
}

// TestRegionPickerTemplate renders the partial the way a form page does.
func TestRegionPickerTemplate(t *testing.T) {
	s := pickerServer(t)
	render := func(form url.Values, lang i18n.Lang) string {
		t.Helper()
		p, err := s.regionPicker(context.Background(), lang, form, true)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := mustPage(t, s.templates, "volunteer_signup").ExecuteTemplate(&buf, "region-picker", p); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	for _, tc := range []struct {
		name    string
		form    url.Values
		lang    i18n.Lang
		want    []string
		notWant []string
		hidden  int
	}{
		{"first view", url.Values{}, i18n.ID,
			[]string{`name="region_prov"`, `name="region_kab"`, `name="region_kec"`, `name="region_desa"`,
				`<label for="region_prov">Provinsi</label>`, `name="region_refresh" value="1"`, "Tampilkan pilihan berikutnya",
				`<option value="32">Jawa Barat</option>`, " required"},
			[]string{"selected", `role="alert"`}, 3},
		{"kota chosen", url.Values{"region_prov": {"32"}, "region_kab": {"32.73"}}, i18n.EN,
			[]string{`<option value="32" selected>`, `<option value="32.73" selected>`, `<option value="32.73.01">Sukasari</option>`, "Show next choices"},
			nil, 1},
		{"complete has no refresh", url.Values{"region": {"32.73.01.1001"}}, i18n.ID,
			[]string{`<option value="32.73.01.1001" selected>`},
			[]string{"region_refresh"}, 0},
		{"missing shows the error", url.Values{"region_prov": {""}}, i18n.ID,
			[]string{`id="err-region"`, "Pilih wilayah.", `aria-invalid="true"`}, nil, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html := render(tc.form, tc.lang)
			for _, w := range tc.want {
				if !strings.Contains(html, w) {
					t.Errorf("picker lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(html, w) {
					t.Errorf("picker contains %q", w)
				}
			}
			if n := strings.Count(html, `class="region-level" hidden`); n != tc.hidden {
				t.Errorf("%d hidden levels, want %d", n, tc.hidden)
			}
			if strings.Contains(html, "style=") || strings.Contains(html, "<script") {
				t.Error("inline style or script breaks the CSP")
			}
		})
	}
}
