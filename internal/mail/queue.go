package mail

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"lokadaya/internal/db"
	"lokadaya/internal/jobs"
)

// JobKind is the kind of the jobs that send mail.
const JobKind = "mail"

// Queue stores m to be sent by a worker. Pass a transaction as q so that
// the mail goes out only if the change it announces commits.
func Queue(ctx context.Context, q db.Querier, m Message) error {
	if err := m.Validate(); err != nil {
		return err
	}
	_, err := jobs.Enqueue(ctx, q, JobKind, m, time.Time{})
	return err
}

// Handler is the job handler that sends queued mail with s. A message that
// can never be sent fails at once rather than being retried.
func Handler(s Sender) jobs.Handler {
	return func(ctx context.Context, payload []byte) error {
		var m Message
		if err := json.Unmarshal(payload, &m); err != nil {
			return jobs.Permanent(fmt.Errorf("mail: decode job: %w", err))
		}
		err := s.Send(ctx, m)
		if errors.Is(err, ErrBadMessage) {
			return jobs.Permanent(err)
		}
		return err
	}
}

// OutboxItem is one queued message as the dev outbox shows it.
type OutboxItem struct {
	ID        int64
	Message   Message
	CreatedAt time.Time
	SentAt    *time.Time
	Failed    bool
	LastError string
}

// Outbox returns the newest queued messages, sent or not.
func Outbox(ctx context.Context, q db.Querier, limit int) ([]OutboxItem, error) {
	list, err := jobs.Recent(ctx, q, JobKind, limit)
	if err != nil {
		return nil, err
	}
	out := make([]OutboxItem, 0, len(list))
	for _, j := range list {
		it := OutboxItem{ID: j.ID, CreatedAt: j.CreatedAt, LastError: j.LastError, Failed: j.FailedAt != nil}
		if j.FailedAt == nil {
			it.SentAt = j.DoneAt
		}
		if err := json.Unmarshal(j.Payload, &it.Message); err != nil {
			it.Message.Subject = "(unreadable)"
		}
		out = append(out, it)
	}
	return out, nil
}

// Counter hears of each message sent and each attempt that failed, e.g.
// to count them in the metrics.
type Counter interface {
	MailSent()
	MailFailed()
}

// Counted is s telling c of every message it sends or fails to send.
func Counted(s Sender, c Counter) Sender { return countedSender{s, c} }

type countedSender struct {
	Sender
	c Counter
}

func (s countedSender) Send(ctx context.Context, m Message) error {
	err := s.Sender.Send(ctx, m)
	if err != nil {
		s.c.MailFailed()
	} else {
		s.c.MailSent()
	}
	return err
}
