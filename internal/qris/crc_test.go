package qris

import "testing"

func TestCRC16Vectors(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint16
	}{
		{"123456789", 0x29B1}, // the catalogued check value of CRC-16/CCITT-FALSE
		{"", 0xFFFF},          // nothing processed: the initial value
		{"A", 0xB915},
		{"000201010211", 0x0449}, // cross-checked with Python binascii.crc_hqx(s, 0xFFFF)
	} {
		if got := CRC16([]byte(tc.in)); got != tc.want {
			t.Errorf("CRC16(%q) = %04X, want %04X", tc.in, got, tc.want)
		}
	}
}

func TestCRC16MatchesReference(t *testing.T) {
	// withCRC (helper_test.go) is an independent implementation.
	for _, body := range []string{"", "0002010102115802ID", sampleStatic()} {
		want := withCRC(body)
		if got := body + "6304" + crcHex(body+"6304"); got != want {
			t.Errorf("crc of %q: got %s, want %s", body, got, want)
		}
	}
}
