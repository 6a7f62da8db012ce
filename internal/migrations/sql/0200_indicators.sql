-- An initiative's output and outcome indicators and their typed-in actuals
-- (internal/indicator). Values are fixed decimals kept as whole
-- hundredths (12,5 is 1250); money is whole rupiah, so its hundredths end
-- in 00. A computed indicator (source other than '') has no rows in
-- indicator_actuals: its actuals are derived at read time from the table
-- its source names.
CREATE TABLE indicators (
    id             BIGSERIAL PRIMARY KEY,
    org_id         BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiative_id  BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    -- A stable slug within the initiative, used by the API and exports.
    ikey           TEXT NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('output', 'outcome')),
    unit           TEXT NOT NULL,
    direction      TEXT NOT NULL CHECK (direction IN ('rise', 'fall')),
    baseline       BIGINT NOT NULL,
    target         BIGINT NOT NULL,
    period         TEXT NOT NULL CHECK (period IN ('monthly', 'quarterly', 'yearly')),
    -- The indicator's time frame, YYYY-MM-DD, both days included.
    date_from      TEXT NOT NULL,
    date_to        TEXT NOT NULL,
    verification   TEXT NOT NULL DEFAULT '',
    -- '' none, 'sex' or 'age' (the bands of service records).
    disaggregation TEXT NOT NULL DEFAULT '',
    -- '' typed in, else the computed source (service_records, ikm, …).
    source         TEXT NOT NULL DEFAULT '',
    created_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_name   TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    CHECK (date_from <= date_to),
    UNIQUE (initiative_id, ikey)
);
CREATE INDEX indicators_org ON indicators (org_id, initiative_id);

-- One typed-in actual per indicator and period ("2025-03", "2025-Q1",
-- "2025"); a correction edits it.
CREATE TABLE indicator_actuals (
    id           BIGSERIAL PRIMARY KEY,
    indicator_id BIGINT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    period       TEXT NOT NULL,
    value        BIGINT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_by   BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_name TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    UNIQUE (indicator_id, period)
);

-- An actual's value per group of the indicator's disaggregation
-- (perempuan/laki-laki, or the age bands); they add up to the value.
CREATE TABLE indicator_actual_parts (
    actual_id BIGINT NOT NULL REFERENCES indicator_actuals (id) ON DELETE CASCADE,
    grp       TEXT NOT NULL,
    value     BIGINT NOT NULL,
    PRIMARY KEY (actual_id, grp)
);
