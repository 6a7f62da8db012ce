package web_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"testing"

	"lokadaya/internal/account"
	"lokadaya/internal/cycle"
	"lokadaya/internal/framework"
	"lokadaya/internal/hub"
)

// cycleRoles are the callers every workspace route is tried with: the
// organisation roles plus a coordinator of the hub covering its region
// ("coord") and of another hub ("othercoord").
var cycleRoles = append(append([]string{}, orgRoles...), "coord", "othercoord")

// cycleWorld is an orgWorld with hub coordinators and the cycle store.
type cycleWorld struct {
	*orgWorld
	cycles *cycle.Store
}

func newCycleWorld(t *testing.T) *cycleWorld {
	t.Helper()
	ctx := context.Background()
	w := &cycleWorld{orgWorld: newOrgWorld(t)}
	w.cycles = &cycle.Store{DB: w.d}
	accounts := &account.Store{DB: w.d}
	hubs := &hub.Store{DB: w.d}
	for role, region := range map[string]string{"coord": "32", "othercoord": "14"} {
		u, err := accounts.Create(ctx, role+"@example.org", "Pengguna "+role, "", "kata-sandi-panjang")
		if err != nil {
			t.Fatal(err)
		}
		token, err := accounts.CreateSession(ctx, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		w.users[role], w.cookies[role] = u, "lokadaya_session="+token
		if _, err := hubs.Create(ctx, hub.Actor{Name: "test"}, hub.Input{Slug: "simpul-" + role, Name: "Simpul " + role,
			Regions: []string{region}, Coordinators: []string{role + "@example.org"}}); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// actor is the store's actor for role.
func (w *cycleWorld) actor(role string) cycle.Actor {
	return cycle.Actor{ID: w.users[role].ID, Name: w.users[role].Name}
}

// start opens cycle 1 of taman-baca and walks it to stage, answering the
// minimum of every stage on the way.
func (w *cycleWorld) start(t *testing.T, stage int) *cycle.Cycle {
	t.Helper()
	ctx := context.Background()
	c, err := w.cycles.Start(ctx, w.org.ID, w.actor("owner"))
	if err != nil {
		t.Fatal(err)
	}
	w.walk(t, c, stage)
	return c
}

// walk answers the minimum of each stage and advances c up to stage.
func (w *cycleWorld) walk(t *testing.T, c *cycle.Cycle, stage int) {
	t.Helper()
	ctx := context.Background()
	for {
		w.answerMinimum(t, c, c.CurrentStage)
		if c.CurrentStage >= stage {
			return
		}
		next, err := w.cycles.Advance(ctx, c.ID, w.actor("editor"))
		if err != nil {
			t.Fatal(err)
		}
		*c = *next
	}
}

func (w *cycleWorld) answerMinimum(t *testing.T, c *cycle.Cycle, n int) {
	t.Helper()
	ctx := context.Background()
	st, _ := framework.Current().Stage(n)
	latest, err := w.cycles.Latest(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < st.MinAnswers; i++ {
		q := st.Questions[i].Key
		if latest[q].Answered() {
			continue
		}
		if _, err := w.cycles.SaveAnswer(ctx, c.ID, q, "Jawaban untuk "+q, latest[q].Version, w.actor("editor")); err != nil {
			t.Fatal(err)
		}
	}
}

// upload posts one file in field "file".
func (w *cycleWorld) upload(t *testing.T, role, path, name string, data []byte) orgResponse {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if data != nil {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(data)
	}
	_ = mw.Close()
	return w.send(t, role, http.MethodPost, path, mw.FormDataContentType(), &buf)
}

// cyclePNG is a small valid picture.
func cyclePNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cycleQuestion returns a guiding question of stage n, skipping the test
// when the current edition has none there.
func cycleQuestion(t *testing.T, n int) string {
	t.Helper()
	st, _ := framework.Current().Stage(n)
	if len(st.Questions) == 0 {
		t.Skipf("stage %d has no guiding questions in this edition", n)
	}
	return st.Questions[0].Key
}
