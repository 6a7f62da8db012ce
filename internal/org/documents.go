package org

// DocKind is a kind of legal document an organisation keeps privately for
// its reviewers.
type DocKind string

// The legal documents.
const (
	DocAkta DocKind = "akta"           // akta pendirian (deed of establishment)
	DocSK   DocKind = "sk_kemenkumham" // SK pengesahan Kemenkumham (AHU)
	DocNPWP DocKind = "npwp"           // the NPWP card
)

// DocKinds are the legal documents in the order pages show them.
var DocKinds = []DocKind{DocAkta, DocSK, DocNPWP}

// Valid reports whether k is a known document.
func (k DocKind) Valid() bool { return k == DocAkta || k == DocSK || k == DocNPWP }
