-- The weekly summary of the voice of the people an organisation serves,
-- e-mailed to its members (internal/voicesummary). One row per
-- organisation and week is the claim: of several instances only the one
-- that inserts it sends the week's e-mail, in the same transaction.
CREATE TABLE voice_weekly_digests (
    org_id     BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- The Monday the week begins, YYYY-MM-DD, in the organisation's zone.
    week_start TEXT NOT NULL,
    -- False when the week had nothing to tell and no e-mail went out.
    sent       BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, week_start)
);
