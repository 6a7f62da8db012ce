package validate

import "testing"

func TestPhone(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"0812-3456-7890", "+6281234567890", true},
		{"+62 812 3456 7890", "+6281234567890", true},
		{"6281234567890", "+6281234567890", true},
		{"(021) 5551234", "+62215551234", true},
		{"+1 415 555 0100", "", false},
		{"12", "", false},
		{"", "", false},
		{"00812345678", "", false},
	} {
		got, ok := Phone(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Phone(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestEmail(t *testing.T) {
	for in, want := range map[string]bool{
		"siti@example.org": true, "a.b+c@desa.id": true, "no-at": false, "x@localhost": false,
		"Siti <siti@example.org>": false, "a b@example.org": false, "": false,
	} {
		if got := Email(in); got != want {
			t.Errorf("Email(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"0812-3456-7890", "+62 21 555", "+1 555", "٠٨١٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Phone(s)
		if ok {
			if len(got) < 11 || got[:3] != "+62" {
				t.Fatalf("Phone(%q) = %q", s, got)
			}
			if again, ok2 := Phone(got); !ok2 || again != got {
				t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
			}
		}
	})
}
