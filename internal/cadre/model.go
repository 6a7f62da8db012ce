package cadre

import (
	"sort"
	"time"

	"lokadaya/internal/region"
)

// Levels are where a cadre works.
var Levels = []string{"desa", "kecamatan", "kabupaten", "provinsi"}

// DateLayout is how days are written and stored.
const DateLayout = "2006-01-02"

// Limits of the forms, in characters.
const (
	MaxName   = 120
	MaxRole   = 100
	MaxSkills = 1000
	MaxSkill  = 100
	MaxText   = 200
	MaxEmail  = 200
)

// Cadre is one person in the register.
type Cadre struct {
	ID         int64     `json:"id"`
	OrgID      int64     `json:"-"`
	Name       string    `json:"name"`
	Role       string    `json:"role"`
	RegionCode string    `json:"region_code"`
	Phone      string    `json:"phone"`
	Email      string    `json:"email"`
	Skills     []string  `json:"skills"`
	Level      string    `json:"level"`
	Active     bool      `json:"active"`
	SignupID   *int64    `json:"volunteer_signup_id,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`

	Trainings  []Training `json:"trainings"`
	Activities []Activity `json:"led"`
}

// Training is a training the cadre took.
type Training struct {
	ID        int64  `json:"-"`
	Name      string `json:"name"`
	TakenOn   string `json:"date"`
	Organiser string `json:"organiser"`
}

// Activity is a session or activity the cadre led.
type Activity struct {
	ID     int64  `json:"-"`
	Name   string `json:"name"`
	DoneOn string `json:"date"`
}

// Actor is who acts, for the audit log.
type Actor struct {
	ID   int64
	Name string
}

// AreaCount is the number of active cadres working at each level in one
// area: the kecamatan of their region (or the region itself when it is
// a kabupaten or province).
type AreaCount struct {
	Code    string
	ByLevel map[string]int
	Total   int
}

// AreaOf is the area a cadre is counted in: the kecamatan of its region.
func AreaOf(code string) string {
	for region.Depth(code) > 3 {
		code = region.ParentCode(code)
	}
	return code
}

// CountByArea counts the active cadres of list by area and level, areas
// in code order, with the totals per level as the last row (Code "").
func CountByArea(list []*Cadre) []AreaCount {
	byArea := map[string]*AreaCount{}
	total := &AreaCount{ByLevel: map[string]int{}}
	for _, c := range list {
		if !c.Active {
			continue
		}
		area := AreaOf(c.RegionCode)
		a := byArea[area]
		if a == nil {
			a = &AreaCount{Code: area, ByLevel: map[string]int{}}
			byArea[area] = a
		}
		a.ByLevel[c.Level]++
		a.Total++
		total.ByLevel[c.Level]++
		total.Total++
	}
	out := make([]AreaCount, 0, len(byArea)+1)
	for _, a := range byArea {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return append(out, *total)
}

// CountByLevel counts the active cadres of list by level: the only
// figure about cadres a public page may show.
func CountByLevel(list []*Cadre) map[string]int {
	out := map[string]int{}
	for _, c := range list {
		if c.Active {
			out[c.Level]++
		}
	}
	return out
}
