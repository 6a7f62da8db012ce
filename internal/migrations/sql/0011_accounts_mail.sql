-- Accounts and the job queue.
-- privacy_consent_at records when a person accepted the privacy notice at
-- sign-up (UU 27/2022 asks us to be able to show consent).
ALTER TABLE users ADD COLUMN privacy_consent_at TIMESTAMP;

-- failed_at marks a job the worker gave up on after its last attempt; its
-- last_error says why. done_at is set too, so the claim query skips it.
ALTER TABLE jobs ADD COLUMN failed_at TIMESTAMP;

-- The dev outbox and the purge read jobs by kind, newest first.
CREATE INDEX jobs_kind ON jobs (kind, id);
