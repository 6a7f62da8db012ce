-- People who asked for a campaign's news by e-mail when they supported it
-- (any kind of support). One row per e-mail per campaign; the token lets
-- them stop the news from a link in every message, without an account.

CREATE TABLE campaign_subscribers (
    id              BIGSERIAL PRIMARY KEY,
    campaign_id     BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    name            TEXT NOT NULL DEFAULT '',
    lang            TEXT NOT NULL DEFAULT 'id',
    token           TEXT NOT NULL UNIQUE,
    created_at      TIMESTAMP NOT NULL,
    unsubscribed_at TIMESTAMP,
    UNIQUE (campaign_id, email)
);
