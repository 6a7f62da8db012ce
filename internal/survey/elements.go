// Package survey keeps the satisfaction survey of an initiative's service
// (Survei Kepuasan Masyarakat, SKM) as PermenPANRB 14/2017 sets it out:
// rounds per period, the nine official elements each scored 1–4, an
// optional respondent profile, the satisfaction index (IKM) and its grade,
// and whether the sample is large enough for the people served in the
// period (Krejcie–Morgan). Responses come from the public page of a round
// or from paper questionnaires typed in by staff.
package survey

// Elements are the nine elements (unsur) of PermenPANRB 14/2017, in the
// regulation's order. Their labels, questions and answer words are i18n
// keys "survey.el.<key>", "survey.q.<key>" and "survey.a.<key>.1" … ".4".
var Elements = [NumElements]string{
	"persyaratan",
	"prosedur",
	"waktu",
	"biaya",
	"produk",
	"kompetensi",
	"perilaku",
	"pengaduan",
	"sarana",
}

// NumElements is how many elements a questionnaire has.
const NumElements = 9

// Scores are one respondent's answers, element by element in the order of
// Elements: 1 (worst) to 4 (best), 0 when a paper questionnaire left the
// element blank.
type Scores [NumElements]int

// Answered reports how many elements have a score.
func (s Scores) Answered() int {
	n := 0
	for _, v := range s {
		if v != 0 {
			n++
		}
	}
	return n
}

// Profile is what a respondent may say about themselves; every field is
// optional and "" when not given. No name or contact is asked.
type Profile struct {
	Sex        string // L or P
	AgeBand    string // one of AgeBands
	Education  string // one of Educations
	Occupation string // one of Occupations
}

// The choices of the profile, as the regulation's questionnaire asks
// them. Age is asked as a band rather than in years so that no one is
// identified by it; the bands nest in those of the service records
// (18–59 is split for a finer picture). Labels are i18n keys
// "survey.sex.<v>", "survey.age.<v>", "survey.edu.<v>", "survey.job.<v>".
var (
	Sexes       = []string{"L", "P"}
	AgeBands    = []string{"<18", "18-29", "30-44", "45-59", "60+"}
	Educations  = []string{"tidak_sekolah", "sd", "smp", "sma", "diploma", "s1", "s2", "s3"}
	Occupations = []string{"pns", "tni", "polri", "swasta", "wirausaha", "pelajar", "lainnya"}
)

func oneOf(v string, choices []string) bool {
	for _, c := range choices {
		if v == c {
			return true
		}
	}
	return false
}
