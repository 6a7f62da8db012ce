-- An organisation's legal documents (akta pendirian, SK Kemenkumham, NPWP
-- card), kept privately for its owners, admins and reviewers, and the
-- documents a "needs changes" decision asks for.

-- The current file of each document; a new upload replaces the old one.
-- The file lives in blob storage under a private prefix.
CREATE TABLE org_documents (
    org_id       BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('akta', 'sk_kemenkumham', 'npwp')),
    blob_key     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    uploaded_by  BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, kind)
);

-- Comma-separated document kinds asked for; '' when none.
ALTER TABLE org_reviews ADD COLUMN requested_docs TEXT NOT NULL DEFAULT '';
