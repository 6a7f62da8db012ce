-- Service points (titik layanan) of an initiative: where the people it
-- serves are served (internal/service). The code is short, public and
-- never reused: it goes into the QR code and short link of the point.
CREATE TABLE service_points (
    id            BIGSERIAL PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    region_code   TEXT NOT NULL REFERENCES regions (code),
    -- Optional coordinates in degrees (WGS 84); both or neither.
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    hours         TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    UNIQUE (initiative_id, name),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX service_points_initiative ON service_points (initiative_id, name);
CREATE INDEX service_points_org ON service_points (org_id);
