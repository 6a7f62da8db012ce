-- Old rate-limit windows are purged by their start; without an index the
-- purge read every row.
CREATE INDEX rate_limits_window ON rate_limits (window_start);
