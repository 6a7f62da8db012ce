package voice

import "lokadaya/internal/survey"

// questions is what the nine questions and the profile need to be drawn,
// on the public questionnaire and on the paper entry form.
type questions struct {
	Elements      []string
	Scores        []int
	ProfileFields []profileField
	// Paper: an element may be left blank, as on a paper sheet.
	Paper bool
}

// profileField is one question of the respondent's profile.
type profileField struct {
	Name, Label, Prefix string
	Options             []string
}

func newQuestions(paper bool) questions {
	return questions{Elements: survey.Elements[:], Scores: []int{1, 2, 3, 4}, Paper: paper,
		ProfileFields: []profileField{
			{"sex", "survey.field.sex", "survey.sex.", survey.Sexes},
			{"age", "survey.field.age", "survey.age.", survey.AgeBands},
			{"education", "survey.field.education", "survey.edu.", survey.Educations},
			{"occupation", "survey.field.occupation", "survey.job.", survey.Occupations},
		}}
}
