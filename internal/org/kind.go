package org

// Kind is what sort of actor an organisation is.
type Kind string

// The kinds. An OMS is the platform's first user; government units and
// other stakeholders join it to plan and act together with OMS.
const (
	KindOMS       Kind = "oms"
	KindOPD       Kind = "opd"       // a regional government office (OPD/SKPD)
	KindKecamatan Kind = "kecamatan" // a kecamatan office
	KindDesa      Kind = "desa"      // a desa or kelurahan office
	KindDPRD      Kind = "dprd"      // a regional parliament
	KindBusiness  Kind = "bisnis"
	KindAcademia  Kind = "akademisi"
	KindMedia     Kind = "media"
	KindResidents Kind = "warga" // a residents' group: RT/RW, a community forum
)

// Kinds lists every kind in the order forms offer them.
var Kinds = []Kind{KindOMS, KindOPD, KindKecamatan, KindDesa, KindDPRD, KindBusiness, KindAcademia, KindMedia, KindResidents}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Government reports whether the kind is a unit of government.
func (k Kind) Government() bool {
	return k == KindOPD || k == KindKecamatan || k == KindDesa || k == KindDPRD
}

// Groups a participant of a planning process speaks for.
const (
	GroupResidents  = "warga"
	GroupOMS        = "oms"
	GroupGovernment = "pemerintah"
	GroupOther      = "lainnya"
)

// Group is the participant group members of this kind speak for: an OMS
// for the OMS, a government unit for government, a residents' group for
// residents; business, academia and media for none of the three.
func (k Kind) Group() string {
	switch {
	case k == KindOMS:
		return GroupOMS
	case k.Government():
		return GroupGovernment
	case k == KindResidents:
		return GroupResidents
	}
	return GroupOther
}

// IsOMS reports whether the organisation is a civil-society organisation:
// only an OMS runs the cycle and raises support in Galang Daya.
func (o *Organization) IsOMS() bool { return o.Kind == KindOMS || o.Kind == "" }

// TypeKey is the i18n key naming what the organisation is, as lists and
// profiles show it: an OMS by its legal form (yayasan, perkumpulan…),
// another actor by its kind.
func (o *Organization) TypeKey() string {
	if o.IsOMS() {
		return "org.legal." + o.LegalForm
	}
	return "org.kind." + string(o.Kind)
}

// KindsOf are the kinds a directory filter names: a kind itself, or
// "pemerintah" for every unit of government; nil for none or an unknown one.
func KindsOf(filter string) []Kind {
	if filter == GroupGovernment {
		return []Kind{KindOPD, KindKecamatan, KindDesa, KindDPRD}
	}
	if k := Kind(filter); k.Valid() {
		return []Kind{k}
	}
	return nil
}
