package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestRegionPages(t *testing.T) {
	ts := foundationServer(t)
	for _, tc := range []struct {
		name    string
		path    string
		status  int
		want    []string
		notWant []string
	}{
		{"browse provinces", "/wilayah", 200,
			[]string{`href="/wilayah/32"`, "Jawa Barat", "Papua Pegunungan"}, nil},
		{"search with parent chain", "/wilayah?q=sukarasa", 200,
			[]string{`href="/wilayah/32.73.01.1001"`, "Kec. Sukasari, Kota Bandung, Prov. Jawa Barat", "Kelurahan"},
			[]string{"Papua Pegunungan"}},
		{"search ranks the kota first", "/wilayah?q=Kota+Bandung", 200, []string{`href="/wilayah/32.73"`}, nil},
		{"search without hits", "/wilayah?q=zzqqxx", 200, []string{"Tidak ada wilayah"}, nil},
		{"search too short", "/wilayah?q=a", 200, []string{"paling sedikit 2 huruf", "Jawa Barat"}, nil},
		{"search escapes input", "/wilayah?q=%3Cscript%3E", 200, []string{"&lt;script&gt;"}, []string{"<script>alert"}},
		{"many results are cut", "/wilayah?q=sukamaju", 200, []string{"Hanya hasil teratas"}, nil},
		{"province page", "/wilayah/32", 200,
			[]string{"<h1>Jawa Barat</h1>", `href="/wilayah/32.73"`, "Kota Bandung", "WIB", "Provinsi"}, nil},
		{"kecamatan page with breadcrumbs", "/wilayah/32.73.01", 200,
			[]string{`href="/wilayah/32"`, `href="/wilayah/32.73"`, `href="/wilayah/32.73.01.1001"`, "Kecamatan"}, nil},
		{"desa page", "/wilayah/32.73.01.1001", 200, []string{"Sukarasa", "terbawah"}, nil},
		{"WITA zone", "/wilayah/51.71", 200, []string{"WITA"}, nil},
		{"WIT zone in English", "/wilayah/96.71?lang=en", 200, []string{"WIT", "Time zone"}, nil},
		{"unknown region", "/wilayah/99.99", 404, []string{"Halaman tidak ditemukan"}, nil},
		{"malformed region", "/wilayah/abc", 404, nil, nil},
		{"about the data", "/tentang-data", 200,
			[]string{"idn-area-data", "Fityan Nugroho", "4.0.1", "300.2.2-2138", "opendatacommons.org/licenses/odbl/1-0/",
				"<td>38</td>", "<td>514</td>", "<td>7.285</td>", "<td>83.762</td>"}, nil},
		{"about the data in English", "/tentang-data?lang=en", 200, []string{"Open Database License", "Number of regions"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := http.Get(ts.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(res.Body)
			res.Body.Close()
			body := string(raw)
			if res.StatusCode != tc.status {
				t.Fatalf("GET %s = %d, want %d", tc.path, res.StatusCode, tc.status)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s lacks %q", tc.path, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(body, w) {
					t.Errorf("GET %s contains %q", tc.path, w)
				}
			}
		})
	}
}
