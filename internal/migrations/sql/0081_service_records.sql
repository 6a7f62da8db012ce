-- Records of service delivered (catatan layanan) at a service point, and
-- the imports of records from the CSV/XLSX template (internal/service).
-- A record counts people, never names them: the counts by sex and by age
-- band each add up to the total.

-- One uploaded file of records: it waits, with its content, while its
-- preview is shown; confirming it writes its rows in one transaction. The
-- same file (by its SHA-256) is confirmed once per organisation.
CREATE TABLE service_imports (
    id             TEXT PRIMARY KEY,
    org_id         BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id  BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    file_name      TEXT NOT NULL,
    file_hash      TEXT NOT NULL,
    content        BYTEA NOT NULL,
    rows_total     INTEGER NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
    created_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_name   TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    confirmed_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    confirmed_name TEXT NOT NULL DEFAULT '',
    confirmed_at   TIMESTAMP
);
CREATE INDEX service_imports_initiative ON service_imports (initiative_id, created_at);
CREATE UNIQUE INDEX service_imports_once ON service_imports (org_id, file_hash) WHERE status = 'confirmed';

CREATE TABLE service_records (
    id            BIGSERIAL PRIMARY KEY,
    org_id        BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    point_id      BIGINT NOT NULL REFERENCES service_points (id) ON DELETE CASCADE,
    -- The organisation's local day of the service, as YYYY-MM-DD.
    served_on     TEXT NOT NULL,
    service_type  TEXT NOT NULL,
    total         BIGINT NOT NULL CHECK (total > 0),
    male          BIGINT NOT NULL CHECK (male >= 0),
    female        BIGINT NOT NULL CHECK (female >= 0),
    age_0_5       BIGINT NOT NULL CHECK (age_0_5 >= 0),
    age_6_17      BIGINT NOT NULL CHECK (age_6_17 >= 0),
    age_18_59     BIGINT NOT NULL CHECK (age_18_59 >= 0),
    age_60_plus   BIGINT NOT NULL CHECK (age_60_plus >= 0),
    disability    BIGINT NOT NULL CHECK (disability >= 0 AND disability <= total),
    note          TEXT NOT NULL DEFAULT '',
    import_id     TEXT REFERENCES service_imports (id) ON DELETE SET NULL,
    import_line   INTEGER,
    created_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_name  TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    CHECK (male + female = total),
    CHECK (age_0_5 + age_6_17 + age_18_59 + age_60_plus = total)
);
CREATE INDEX service_records_initiative ON service_records (initiative_id, served_on);
CREATE INDEX service_records_point ON service_records (point_id, served_on);

-- People of a vulnerable group among a record's total (each at most the
-- total; one person may belong to several groups).
CREATE TABLE service_record_groups (
    record_id BIGINT NOT NULL REFERENCES service_records (id) ON DELETE CASCADE,
    grp       TEXT NOT NULL,
    people    BIGINT NOT NULL CHECK (people > 0),
    PRIMARY KEY (record_id, grp)
);
