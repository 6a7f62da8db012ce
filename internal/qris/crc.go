package qris

import "fmt"

// CRC16 returns the CRC-16/CCITT-FALSE checksum of data: polynomial 0x1021,
// initial value 0xFFFF, no reflection, no final XOR. EMVCo QR codes (and so
// QRIS) carry it in tag 63, computed over the payload up to and including
// "6304".
func CRC16(data []byte) uint16 {
	crc := uint16(0xFFFF)
	for _, b := range data {
		crc ^= uint16(b) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}

// crcHex is the tag 63 value for the payload prefix s (which ends in "6304"):
// four upper-case hexadecimal digits.
func crcHex(s string) string {
	return fmt.Sprintf("%04X", CRC16([]byte(s)))
}
