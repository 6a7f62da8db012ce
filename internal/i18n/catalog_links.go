package i18n

// Links that lead people to pages they would otherwise reach only by an
// address printed on paper.
func init() {
	add(map[string]Msg{
		"receipt.lookup.link": {"Menerima barang? Konfirmasi dengan kode di slip Anda", "Received goods? Confirm with the code on your slip"},
	})
}
