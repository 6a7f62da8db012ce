-- Complaints (pengaduan) to an organisation, SPIPM-style: every complaint,
-- answer and time is kept, and the public log shows them with personal
-- data removed. A complaint arrives by the web form, is logged by staff
-- from paper or the phone, or comes through a signed gateway webhook.

-- Per organisation: how long the first answer may take, how long after
-- closing the complainant may reopen, and the gateway webhook's secret.
CREATE TABLE complaint_settings (
    org_id         BIGINT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    answer_hours   INTEGER NOT NULL DEFAULT 48 CHECK (answer_hours BETWEEN 1 AND 720),
    reopen_days    INTEGER NOT NULL DEFAULT 14 CHECK (reopen_days BETWEEN 1 AND 90),
    webhook_secret TEXT NOT NULL DEFAULT '',
    updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE complaints (
    id              BIGSERIAL PRIMARY KEY,
    -- The tracking code the complainant keeps, e.g. K7QM-4TXR.
    code            TEXT NOT NULL UNIQUE,
    org_id          BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id   BIGINT REFERENCES initiatives (id) ON DELETE SET NULL,
    category        TEXT NOT NULL
                    CHECK (category IN ('layanan', 'petugas', 'biaya', 'waktu', 'fasilitas', 'informasi', 'lainnya')),
    body            TEXT NOT NULL,
    -- body with contacts masked and staff redactions applied: what the
    -- public may read when the complaint is public or anonymous.
    public_body     TEXT NOT NULL,
    visibility      TEXT NOT NULL CHECK (visibility IN ('publik', 'rahasia', 'anonim')),
    -- Personal data, never public; an anonymous complaint keeps none.
    contact_name    TEXT NOT NULL DEFAULT '',
    contact         TEXT NOT NULL DEFAULT '',
    channel         TEXT NOT NULL CHECK (channel IN ('web', 'kertas', 'telepon', 'sms', 'whatsapp', 'email')),
    lang            TEXT NOT NULL DEFAULT 'id',
    status          TEXT NOT NULL DEFAULT 'diterima'
                    CHECK (status IN ('diterima', 'diverifikasi', 'ditindaklanjuti', 'selesai', 'ditolak')),
    reject_reason   TEXT NOT NULL DEFAULT '',
    assignee_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    photo_key       TEXT NOT NULL DEFAULT '',
    -- The web form's one-time token: a double submit files one complaint.
    form_token      TEXT UNIQUE,
    logged_by       BIGINT REFERENCES users (id) ON DELETE SET NULL,
    received_at     TIMESTAMP NOT NULL,
    -- The first deadline (for "answered on time") and the current one
    -- (moved when a closed complaint is reopened).
    first_due_at    TIMESTAMP NOT NULL,
    due_at          TIMESTAMP NOT NULL,
    awaiting_answer BOOLEAN NOT NULL DEFAULT TRUE,
    first_answer_at TIMESTAMP,
    answered_at     TIMESTAMP,
    closed_at       TIMESTAMP,
    -- Set once per deadline by the deadline check, so each e-mail goes once.
    reminded_at     TIMESTAMP,
    overdue_at      TIMESTAMP,
    escalated_at    TIMESTAMP,
    rating          INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    rated_at        TIMESTAMP,
    reopened_at     TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    CHECK (status <> 'ditolak' OR reject_reason <> ''),
    CHECK (visibility <> 'anonim' OR (contact = '' AND contact_name = ''))
);
CREATE INDEX complaints_org ON complaints (org_id, received_at);
CREATE INDEX complaints_initiative ON complaints (initiative_id, received_at);
CREATE INDEX complaints_due ON complaints (awaiting_answer, due_at);

-- The log of a complaint: status changes, answers, assignment, deadline
-- notices, rating, reopening, redactions. internal entries are for staff
-- only; public_body is body with redactions applied.
CREATE TABLE complaint_events (
    id           BIGSERIAL PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('diterima', 'diverifikasi', 'ditindaklanjuti', 'selesai', 'ditolak',
                     'jawaban', 'ditugaskan', 'pengingat', 'terlambat', 'eskalasi', 'dinilai', 'dibuka_kembali',
                     'disamarkan', 'foto')),
    actor_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    public_body  TEXT NOT NULL DEFAULT '',
    internal     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id);

-- Every removal from the public text, by staff or automatic (contacts
-- masked on arrival): shown in public, never silent.
CREATE TABLE complaint_redactions (
    id           BIGSERIAL PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    -- NULL: the complaint's text; otherwise the answer redacted.
    event_id     BIGINT REFERENCES complaint_events (id) ON DELETE CASCADE,
    automatic    BOOLEAN NOT NULL DEFAULT FALSE,
    reason       TEXT NOT NULL,
    actor_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX complaint_redactions_complaint ON complaint_redactions (complaint_id, id);

-- Escalations of overdue complaints to the hubs covering the organisation.
CREATE TABLE complaint_escalations (
    complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    hub_id       BIGINT NOT NULL REFERENCES hubs (id) ON DELETE CASCADE,
    escalated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (complaint_id, hub_id, escalated_at)
);
CREATE INDEX complaint_escalations_hub ON complaint_escalations (hub_id, escalated_at);

-- Gateway messages already taken in, so a replayed message files nothing.
CREATE TABLE complaint_inbound (
    org_id       BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    message_id   TEXT NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    received_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, message_id)
);
