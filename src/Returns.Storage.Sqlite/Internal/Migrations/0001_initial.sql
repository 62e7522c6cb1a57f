-- Returns: the JSON document is the source of truth; the other columns serve lookups and the version check.
CREATE TABLE returns (
    rma TEXT NOT NULL PRIMARY KEY,
    customer_id TEXT NOT NULL,
    state TEXT NOT NULL,
    tracking_number TEXT,
    version INTEGER NOT NULL,
    created_at_ticks INTEGER NOT NULL,
    document TEXT NOT NULL
) STRICT;
CREATE INDEX ix_returns_customer ON returns (customer_id, created_at_ticks);
CREATE INDEX ix_returns_tracking ON returns (tracking_number) WHERE tracking_number IS NOT NULL;
CREATE INDEX ix_returns_state ON returns (state, rma);

CREATE TABLE return_orders (
    order_number TEXT NOT NULL,
    rma TEXT NOT NULL REFERENCES returns (rma),
    PRIMARY KEY (order_number, rma)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit (
    rma TEXT NOT NULL REFERENCES returns (rma),
    version INTEGER NOT NULL,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    actor_id TEXT,
    location_id TEXT,
    from_state TEXT,
    to_state TEXT NOT NULL,
    action TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (rma, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE attachments (
    rma TEXT NOT NULL REFERENCES returns (rma),
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (rma, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE idempotency (
    key TEXT NOT NULL PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    lease_until_ticks INTEGER NOT NULL,
    result TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE outbox (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    rma TEXT NOT NULL,
    version INTEGER NOT NULL,
    occurred_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    state INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_ticks INTEGER NOT NULL,
    lease_until_ticks INTEGER NOT NULL,
    delivered_to TEXT NOT NULL,
    last_error TEXT
) STRICT;
CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_ticks, sequence);
