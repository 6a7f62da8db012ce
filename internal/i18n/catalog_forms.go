package i18n

// The form kit: marks and the error summary shared by every form.
func init() {
	add(map[string]Msg{
		"form.required_mark": {"wajib", "required"},
	})
}
