package web

// orgDocumentsURL is the page of an organisation's legal documents.
func orgDocumentsURL(slug string) string { return "/organisasi/" + slug + "/dokumen" }
