package campaign_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"

	"lokadaya/internal/campaign"
	"lokadaya/internal/db"
	"lokadaya/internal/db/dbtest"
	"lokadaya/internal/mail"
)

// queuedMail lists the recipients of queued mail, sorted.
func queuedMail(t *testing.T, d *db.DB) []string {
	t.Helper()
	rows, err := d.Query(context.Background(), `SELECT payload FROM jobs WHERE kind = ?`, mail.JobKind)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var payload string
		var m mail.Message
		if err := rows.Scan(&payload); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(payload), &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m.To)
	}
	sort.Strings(out)
	return out
}

func count(t *testing.T, d *db.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := d.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPostUpdateQueuesNewsOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		c, err := f.store.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Kabar Rak"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range []string{"a@example.org", "b@example.org", "stop@example.org"} {
			if err := campaign.Subscribe(ctx, d, c.ID, e, "Nama "+e, "id"); err != nil {
				t.Fatal(err)
			}
		}
		subs, _ := campaign.Subscribers(ctx, d, c.ID)
		if _, err := campaign.Unsubscribe(ctx, d, subs[2].Token); err != nil {
			t.Fatal(err)
		}

		// A double submit, even at once, posts one update and one job.
		const token = "token-kabar-rak-0123456789"
		var wg sync.WaitGroup
		posted := make([]campaign.Posted, 4)
		errs := make([]error, 4)
		for i := range posted {
			wg.Go(func() {
				posted[i], errs[i] = f.store.PostUpdate(ctx, c.ID, f.actor.ID, "Rak datang", "Rak sudah dipasang.", token)
			})
		}
		wg.Wait()
		created := 0
		for i, p := range posted {
			if errs[i] != nil {
				t.Fatal(errs[i])
			}
			if p.ID != posted[0].ID || p.Recipients != 2 {
				t.Errorf("post %d = %+v, first %+v", i, p, posted[0])
			}
			if p.Created {
				created++
			}
		}
		if created != 1 {
			t.Errorf("%d posts created an update", created)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM campaign_updates WHERE campaign_id = ?`, c.ID); n != 1 {
			t.Errorf("%d updates", n)
		}
		if n := count(t, d, `SELECT COUNT(*) FROM jobs WHERE kind = ?`, campaign.NewsJobKind); n != 1 {
			t.Errorf("%d news jobs", n)
		}

		compose := func(n campaign.News, s campaign.Subscriber) mail.Message {
			if n.Title != "Rak datang" || n.CampaignID != c.ID || n.CampaignSlug != c.Slug {
				t.Errorf("news = %+v", n)
			}
			return mail.Message{To: s.Email, Subject: n.Title, Text: n.Body + "\n" + s.Token}
		}
		// The job handler, run twice (a retry after its commit), queues once.
		h := f.store.NewsHandler(compose)
		payload, _ := json.Marshal(campaign.NewsJob{UpdateID: posted[0].ID})
		for range 2 {
			if err := h(ctx, payload); err != nil {
				t.Fatal(err)
			}
		}
		if got := fmt.Sprint(queuedMail(t, d)); got != "[a@example.org b@example.org]" {
			t.Errorf("mail to %s", got)
		}
		ups, err := f.store.Updates(ctx, c.ID)
		if err != nil || len(ups) != 1 || ups[0].Recipients != 2 {
			t.Fatalf("updates = %+v, %v", ups, err)
		}
		if err := h(ctx, []byte(`{"update_id":"x"}`)); err == nil {
			t.Error("a bad payload was accepted")
		}

		// Without subscribers an update queues nothing; an update without
		// a token never matches another.
		other, err := f.store.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Sepi"))
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			p, err := f.store.PostUpdate(ctx, other.ID, 0, "Halo", "Isi", "")
			if err != nil || !p.Created || p.Recipients != 0 {
				t.Fatalf("post = %+v, %v", p, err)
			}
		}
		if n := count(t, d, `SELECT COUNT(*) FROM jobs WHERE kind = ?`, campaign.NewsJobKind); n != 1 {
			t.Errorf("%d news jobs after posting to a campaign without subscribers", n)
		}
	})
}

func TestSubscriberByToken(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		c, err := f.store.Create(ctx, f.actor, f.orgID, f.published, f.validInput(t, "Token"))
		if err != nil {
			t.Fatal(err)
		}
		if err := campaign.Subscribe(ctx, d, c.ID, "sari@example.org", "Sari", "en"); err != nil {
			t.Fatal(err)
		}
		subs, _ := campaign.Subscribers(ctx, d, c.ID)
		sub, active, err := campaign.SubscriberByToken(ctx, d, subs[0].Token)
		if err != nil || !active || sub.Email != "sari@example.org" || sub.Lang != "en" || sub.CampaignID != c.ID {
			t.Fatalf("subscriber = %+v, %v, %v", sub, active, err)
		}
		if _, err := campaign.Unsubscribe(ctx, d, sub.Token); err != nil {
			t.Fatal(err)
		}
		if _, active, err = campaign.SubscriberByToken(ctx, d, sub.Token); err != nil || active {
			t.Errorf("after stopping: %v, %v", active, err)
		}
		if _, _, err := campaign.SubscriberByToken(ctx, d, "tidak-ada"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("unknown token: %v", err)
		}
	})
}
