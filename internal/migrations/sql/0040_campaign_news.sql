-- Campaign updates e-mailed to subscribers. The form token makes a double
-- submit post one update; recipients is how many subscribers the update
-- was sent to; mailed_at is set in the transaction that queues the
-- e-mails, so that a job run twice queues them once.
ALTER TABLE campaign_updates ADD COLUMN form_token TEXT;
ALTER TABLE campaign_updates ADD COLUMN recipients INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaign_updates ADD COLUMN mailed_at TIMESTAMP;
CREATE UNIQUE INDEX campaign_updates_token ON campaign_updates (form_token);
