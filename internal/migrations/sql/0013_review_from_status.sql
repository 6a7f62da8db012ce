-- The status an organisation had before each verification decision, so that
-- lifting a suspension can put it back where it was.
ALTER TABLE org_reviews ADD COLUMN from_status TEXT NOT NULL DEFAULT '';

CREATE INDEX audit_log_action ON audit_log (action);
