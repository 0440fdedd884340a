-- The audit trail of chat actions (slash commands, button presses, confirmations): append-only.
-- Same conventions as V1: epoch milliseconds, TEXT for unbounded strings, no reserved words.
CREATE TABLE audit (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  happened_at  BIGINT       NOT NULL,
  caller_id    VARCHAR(255) NOT NULL,
  caller_name  VARCHAR(255) NOT NULL,
  roles        TEXT         NOT NULL,
  action_name  VARCHAR(255) NOT NULL,
  parameters   TEXT         NOT NULL,
  state_before TEXT,
  state_after  TEXT,
  outcome      VARCHAR(16)  NOT NULL,
  detail       TEXT         NOT NULL,
  error_id     VARCHAR(32),
  duration_ms  BIGINT       NOT NULL
);

CREATE INDEX audit_happened_at ON audit (happened_at);
