-- Browsers where an account logged in before ("known devices"). The
-- browser keeps a random token in a long-lived cookie; only its hash is
-- stored. A login from a known device is not held back by the failed
-- attempts strangers make on the same account elsewhere.
CREATE TABLE known_devices (
    hash         TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);
CREATE INDEX known_devices_user ON known_devices (user_id);
