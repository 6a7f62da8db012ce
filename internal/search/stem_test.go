package search

import "testing"

func TestStem(t *testing.T) {
	cases := []struct{ in, want string }{
		{"pemberdayaan", "daya"},
		{"berdaya", "daya"},
		{"memberdayakan", "daya"},
		{"diberdayakan", "daya"},
		{"daya", "daya"},
		{"pendidikan", "didik"},
		{"mendidik", "didik"},
		{"kesehatan", "sehat"},
		{"menyehatkan", "sehat"},
		{"pertanian", "tani"},
		{"petani", "tani"},
		{"bantuan", "bantu"},
		{"membantu", "bantu"},
		{"menulis", "tulis"},
		{"penulis", "tulis"},
		{"memukul", "pukul"},
		{"menyapu", "sapu"},
		{"mengirim", "kirim"},
		{"mengambil", "ambil"},
		{"pengelolaan", "kelola"},
		{"mengelola", "kelola"},
		{"pelatihan", "latih"},
		{"dilatih", "latih"},
		{"pembangunan", "bangun"},
		{"belajar", "ajar"},
		{"pelajaran", "ajar"},
		{"bekerja", "kerja"},
		{"pekerjaan", "kerja"},
		{"perlindungan", "lindung"},
		{"melindungi", "lindung"},
		{"memperbaiki", "baik"},
		{"sekolah", "sekolah"},
		{"masalah", "masalah"},
		{"lingkungan", "lingkung"},
		{"bukunya", "buku"},
		{"bacalah", "baca"},
		{"terampil", "terampil"},
		{"air", "air"},
		{"rt05", "rt05"},
		{"posyandu", "posyandu"},
		{"sampah", "sampah"},
		{"pemilahan", "pilah"},
	}
	for _, c := range cases {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Unknown words still stem the same way every time, and never below
// three letters.
func TestStemUnknownIsStable(t *testing.T) {
	for _, w := range []string{"menggoreng", "pemancingan", "berlayar", "ketidakadilan", "xyzabc", "meme", "peng", "menyanyikan"} {
		a, b := Stem(w), Stem(w)
		if a != b || len([]rune(a)) < 3 && len([]rune(w)) >= 3 {
			t.Errorf("Stem(%q) = %q, %q", w, a, b)
		}
	}
}
