package i18n

// Campaign news by e-mail: the "kabar" box on support forms, the e-mail
// carrying an update, and the stop page.
func init() {
	add(map[string]Msg{
		"news.field.kabar": {"Kirimi saya kabar terbaru kampanye ini lewat e-mail", "E-mail me this campaign's news"},
		"news.field.kabar_hint": {"Hanya bila Anda mengisi e-mail. Setiap e-mail berisi tautan untuk berhenti.",
			"Only when you give an e-mail. Every message has a link to stop."},
		"news.mail.friend":  {"Sahabat", "Friend"},
		"news.mail.subject": {"Kabar %s: %s", "News from %s: %s"},
		"news.mail.body": {"Halo %s,\n\nAda kabar terbaru dari kampanye \"%s\":\n\n%s\n\n%s\n\nLihat kampanye: %s\n\n" +
			"Anda menerima e-mail ini karena meminta kabar kampanye ini saat memberi dukungan. " +
			"Berhenti menerima kabar: %s\n",
			"Hello %s,\n\nThere is news from the campaign \"%s\":\n\n%s\n\n%s\n\nSee the campaign: %s\n\n" +
				"You receive this e-mail because you asked for this campaign's news when you supported it. " +
				"Stop receiving news: %s\n"},

		"news.stop.title":   {"Berhenti menerima kabar", "Stop receiving news"},
		"news.stop.ask":     {"Berhenti menerima kabar kampanye \"%s\" lewat e-mail?", "Stop receiving the news of the campaign \"%s\" by e-mail?"},
		"news.stop.button":  {"Ya, berhenti", "Yes, stop"},
		"news.stop.done":    {"Anda tidak akan menerima kabar lagi dari kampanye \"%s\".", "You will not receive news from the campaign \"%s\" any more."},
		"news.stop.already": {"Anda sudah berhenti menerima kabar kampanye \"%s\".", "You already stopped receiving the news of the campaign \"%s\"."},
		"news.stop.again":   {"Ingin kabar lagi? Centang kotak kabar saat mendukung kampanye ini lagi.", "Want the news again? Tick the news box when you support this campaign again."},
		"news.stop.back":    {"Kembali ke kampanye", "Back to the campaign"},

		"news.sent":         {"Dikirim ke %d pendukung lewat e-mail", "Sent to %d supporters by e-mail"},
		"news.flash.posted": {"Kabar diterbitkan dan sedang dikirim ke pendukung yang meminta kabar.", "The update is published and being e-mailed to supporters who asked for news."},
	})
}
