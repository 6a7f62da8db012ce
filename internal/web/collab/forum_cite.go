package collab

// citeRefusal is the message of a citation the catalogue refused (a
// dataset not published), and whether err is one.
func citeRefusal(err error) (string, bool) {
	return "", false
}
