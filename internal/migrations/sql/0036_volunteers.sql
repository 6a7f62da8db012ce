-- Volunteers (relawan) for a campaign's relawan needs. Anyone signs up for
-- a role without an account; the organisation accepts or declines, marks
-- no-shows and logs the hours given. Pending and accepted sign-ups hold a
-- slot: their number never exceeds the need's target, which the sign-up
-- transaction checks under a lock on the need's row.

CREATE TABLE volunteer_signups (
    id             BIGSERIAL PRIMARY KEY,
    campaign_id    BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    need_id        BIGINT NOT NULL REFERENCES campaign_needs (id) ON DELETE CASCADE,
    org_id         BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    phone          TEXT NOT NULL DEFAULT '',
    region_code    TEXT NOT NULL DEFAULT '',
    skills         TEXT NOT NULL DEFAULT '',
    availability   TEXT NOT NULL DEFAULT '',
    -- The volunteer asked that even their first name stay off public pages.
    hide_name      BOOLEAN NOT NULL DEFAULT FALSE,
    lang           TEXT NOT NULL DEFAULT 'id',
    -- pending and accepted hold a slot; waiting is the waiting list.
    status         TEXT NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'waiting', 'accepted', 'declined', 'absent')),
    decline_reason TEXT NOT NULL DEFAULT '',
    form_token     TEXT NOT NULL UNIQUE,
    created_at     TIMESTAMP NOT NULL,
    decided_at     TIMESTAMP,
    decided_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (need_id, email)
);
CREATE INDEX volunteer_signups_need ON volunteer_signups (need_id, status);
CREATE INDEX volunteer_signups_campaign ON volunteer_signups (campaign_id, status);

-- When the activity of a relawan need takes place, set by the
-- organisation; the acceptance e-mail carries it as an .ics file.
CREATE TABLE volunteer_activities (
    need_id    BIGINT PRIMARY KEY REFERENCES campaign_needs (id) ON DELETE CASCADE,
    starts_at  TIMESTAMP NOT NULL,
    ends_at    TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (ends_at > starts_at)
);

-- Hours a volunteer gave, logged by the organisation, in whole minutes.
CREATE TABLE volunteer_hours (
    id         BIGSERIAL PRIMARY KEY,
    signup_id  BIGINT NOT NULL REFERENCES volunteer_signups (id) ON DELETE CASCADE,
    day        TEXT NOT NULL CHECK (length(day) = 10),
    minutes    BIGINT NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    note       TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX volunteer_hours_signup ON volunteer_hours (signup_id, day);
