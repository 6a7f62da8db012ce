package regionmap

// File is an embedded file, for the size test.
func File(level string) ([]byte, error) { return files.ReadFile("data/" + level + ".txt.gz") }
