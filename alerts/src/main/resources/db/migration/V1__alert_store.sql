-- The alert engine's state. Written to run unchanged on H2 2.x and PostgreSQL 10+.
-- Times are epoch milliseconds (BIGINT): identical on both databases, no time zone conversions.
-- TEXT is an unbounded string on PostgreSQL and a character LOB on H2.
-- Reserved words (KEY, BY, AT, END, COMMENT) are avoided as column names.

-- The lifecycle's and the router's state, as JSON documents by kind ("alert", "group", ...) and key.
CREATE TABLE state_document (
  kind       VARCHAR(64)  NOT NULL,
  doc_key    VARCHAR(512) NOT NULL,
  body       TEXT         NOT NULL,
  updated_at BIGINT       NOT NULL,
  PRIMARY KEY (kind, doc_key)
);

-- Notifications waiting for (or done with) delivery; the id is the delivery order.
CREATE TABLE outbox (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  receiver     VARCHAR(255) NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  group_key    VARCHAR(512) NOT NULL,
  reply_to     BIGINT,
  created_at   BIGINT       NOT NULL,
  notification TEXT         NOT NULL,
  attempts     INTEGER      DEFAULT 0 NOT NULL,
  next_attempt BIGINT,
  last_error   TEXT,
  delivered_at BIGINT,
  message_id   VARCHAR(255),
  rejected_at  BIGINT
);

-- pending(receiver): WHERE receiver = ? AND delivered_at IS NULL AND rejected_at IS NULL ORDER BY id
CREATE INDEX outbox_pending ON outbox (receiver, delivered_at, rejected_at, id);

CREATE TABLE silence (
  id           VARCHAR(64)  PRIMARY KEY,
  matchers     TEXT         NOT NULL,
  starts_at    BIGINT       NOT NULL,
  ends_at      BIGINT       NOT NULL,
  created_by   VARCHAR(255) NOT NULL,
  comment_text TEXT         NOT NULL,
  created_at   BIGINT       NOT NULL
);

CREATE TABLE maintenance_window (
  id          VARCHAR(64)  PRIMARY KEY,
  reason      TEXT         NOT NULL,
  scope       TEXT         NOT NULL,
  starts_at   BIGINT,
  ends_at     BIGINT,
  cron        VARCHAR(255),
  occurrence  VARCHAR(64),
  zone_id     VARCHAR(64)  NOT NULL,
  created_by  VARCHAR(255) NOT NULL,
  created_at  BIGINT       NOT NULL
);

CREATE TABLE ack (
  fingerprint VARCHAR(64)  PRIMARY KEY,
  acked_by    VARCHAR(255) NOT NULL,
  note        TEXT         NOT NULL,
  acked_at    BIGINT       NOT NULL,
  severity    VARCHAR(16)  NOT NULL
);
