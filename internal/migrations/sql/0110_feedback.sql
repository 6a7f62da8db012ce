-- Red / yellow / green feedback on a service point (internal/feedback): the
-- glass box of the Deli Serdang clinics, online. One row is one vote from
-- the phone page reached by the point's QR code.
CREATE TABLE feedback_votes (
    id            BIGSERIAL PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    point_id      BIGINT NOT NULL REFERENCES service_points (id) ON DELETE CASCADE,
    colour        TEXT NOT NULL CHECK (colour IN ('merah', 'kuning', 'hijau')),
    service_type  TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    -- A note is public only once staff show it: '' no note, menunggu
    -- (waiting), tampil (shown), disembunyikan (hidden).
    note_status   TEXT NOT NULL DEFAULT '' CHECK (note_status IN ('', 'menunggu', 'tampil', 'disembunyikan')),
    -- The day of the vote, YYYY-MM-DD in the point's zone.
    day           TEXT NOT NULL,
    -- dihitung: counted in the public tallies; ditandai: part of a burst
    -- from one source, waiting for staff; dibuang: a burst staff discarded.
    status        TEXT NOT NULL DEFAULT 'dihitung' CHECK (status IN ('dihitung', 'ditandai', 'dibuang')),
    -- The device and the address the vote came from, hashed with the
    -- day's salt (feedback_salts): comparable within a day, never readable.
    device_key    TEXT NOT NULL,
    address_key   TEXT NOT NULL,
    -- The key of the source whose burst flagged the vote; '' when none.
    burst_key     TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX feedback_votes_point_day ON feedback_votes (point_id, day);
CREATE INDEX feedback_votes_initiative ON feedback_votes (initiative_id, status, day);
CREATE INDEX feedback_votes_notes ON feedback_votes (initiative_id, note_status);

-- The tally of a point's physical paper box, typed in by staff: who
-- counted it, on which day, the period the box covered, and the slips of
-- each colour.
CREATE TABLE feedback_paper_tallies (
    id            BIGSERIAL PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    point_id      BIGINT NOT NULL REFERENCES service_points (id) ON DELETE CASCADE,
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL,
    counted_on    TEXT NOT NULL,
    counted_by    TEXT NOT NULL,
    merah         BIGINT NOT NULL CHECK (merah >= 0),
    kuning        BIGINT NOT NULL CHECK (kuning >= 0),
    hijau         BIGINT NOT NULL CHECK (hijau >= 0),
    recorded_by   BIGINT NOT NULL,
    recorded_name TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    CHECK (period_from <= period_to AND period_to <= counted_on)
);
CREATE INDEX feedback_paper_point ON feedback_paper_tallies (point_id, period_to);
CREATE INDEX feedback_paper_initiative ON feedback_paper_tallies (initiative_id, period_to);

-- One random salt per day for the source keys of that day's votes. Salts
-- are deleted after a week, after which no one can tell from a key which
-- address or device it came from.
CREATE TABLE feedback_salts (
    day  TEXT PRIMARY KEY,
    salt TEXT NOT NULL
);
