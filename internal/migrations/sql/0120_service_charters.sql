-- The service charter (maklumat pelayanan) of a service point
-- (internal/charter): what the point promises the people it serves. Each
-- save is a new version and versions are never changed; the public sees the
-- newest signed one. An unsigned version is a draft: signer_name and
-- signed_on are both empty.
CREATE TABLE service_charters (
    id                 BIGSERIAL PRIMARY KEY,
    point_id           BIGINT NOT NULL REFERENCES service_points (id) ON DELETE CASCADE,
    org_id             BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    version            INTEGER NOT NULL CHECK (version > 0),
    service            TEXT NOT NULL,
    requirements       TEXT NOT NULL,
    procedure_text     TEXT NOT NULL,
    time_to_serve      TEXT NOT NULL,
    -- Whole rupiah the person served pays; 0 is free of charge.
    cost               BIGINT NOT NULL CHECK (cost >= 0),
    complaint_channels TEXT NOT NULL,
    rights             TEXT NOT NULL,
    obligations        TEXT NOT NULL,
    signer_name        TEXT NOT NULL DEFAULT '',
    signer_role        TEXT NOT NULL DEFAULT '',
    -- The day signed, YYYY-MM-DD in the organisation's zone; '' unsigned.
    signed_on          TEXT NOT NULL DEFAULT '',
    created_by         BIGINT NOT NULL,
    created_name       TEXT NOT NULL DEFAULT '',
    created_at         TIMESTAMP NOT NULL,
    UNIQUE (point_id, version),
    CHECK ((signer_name = '') = (signed_on = ''))
);
