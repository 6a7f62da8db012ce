package qris

import (
	"fmt"
	"strings"
)

// The payloads in these tests are synthetic: built here to look like the
// static QRIS an Indonesian bank issues to a yayasan (merchant category 8398,
// charitable organisations), with made-up merchant PAN, NMID, names and
// postcodes. None of them belongs to a real merchant; their CRCs are computed
// by the helpers below, independently of the package's own encoder.

// tlv writes one data object.
func tlv(id, value string) string { return fmt.Sprintf("%s%02d%s", id, len(value), value) }

// withCRC closes body with tag 63 and its CRC-16/CCITT-FALSE, computed with a
// table-free reference implementation so the package's CRC16 is not trusted
// to test itself.
func withCRC(body string) string {
	body += "6304"
	crc := 0xFFFF
	for i := 0; i < len(body); i++ {
		crc ^= int(body[i]) << 8
		for range 8 {
			crc <<= 1
			if crc&0x10000 != 0 {
				crc ^= 0x11021
			}
		}
	}
	return body + fmt.Sprintf("%04X", crc)
}

// build joins data objects given as id, value pairs and appends the CRC.
func build(pairs ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		b.WriteString(tlv(pairs[i], pairs[i+1]))
	}
	return withCRC(b.String())
}

// Sub-object values of the synthetic merchant account templates.
var (
	acquirerTemplate = tlv("00", "ID.CO.BANKCONTOH.WWW") + tlv("01", "936099990000012345") +
		tlv("02", "000000012345") + tlv("03", "UMI")
	qrisTemplate = tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1025000012345") + tlv("03", "UMI")
	additional   = tlv("07", "LOKADAYA01")
)

// staticPairs are the objects of the synthetic static QRIS, in tag order.
func staticPairs() []string {
	return []string{
		"00", "01",
		"01", "11",
		"26", acquirerTemplate,
		"51", qrisTemplate,
		"52", "8398",
		"53", "360",
		"58", "ID",
		"59", "YAYASAN LOKA DAYA NUSANTARA",
		"60", "SLEMAN",
		"61", "55281",
		"62", additional,
	}
}

// sampleStatic is the synthetic static QRIS.
func sampleStatic() string { return build(staticPairs()...) }

// replacePair returns pairs with the value of id replaced, or appended.
func replacePair(pairs []string, id, value string) []string {
	out := append([]string(nil), pairs...)
	for i := 0; i+1 < len(out); i += 2 {
		if out[i] == id {
			out[i+1] = value
			return out
		}
	}
	return append(out, id, value)
}

// dropPair returns pairs without id.
func dropPair(pairs []string, id string) []string {
	var out []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != id {
			out = append(out, pairs[i], pairs[i+1])
		}
	}
	return out
}
