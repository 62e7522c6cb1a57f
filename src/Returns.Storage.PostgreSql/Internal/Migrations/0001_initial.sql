-- {schema} is replaced by the configured schema, validated as a plain identifier.
CREATE TABLE {schema}.returns (
    rma text NOT NULL PRIMARY KEY,
    customer_id text NOT NULL,
    state text NOT NULL,
    tracking_number text,
    version bigint NOT NULL,
    created_at_ticks bigint NOT NULL,
    document text NOT NULL
);
CREATE INDEX ix_returns_customer ON {schema}.returns (customer_id, created_at_ticks);
CREATE INDEX ix_returns_tracking ON {schema}.returns (tracking_number) WHERE tracking_number IS NOT NULL;
CREATE INDEX ix_returns_state ON {schema}.returns (state, rma);

CREATE TABLE {schema}.return_orders (
    order_number text NOT NULL,
    rma text NOT NULL REFERENCES {schema}.returns (rma),
    PRIMARY KEY (order_number, rma)
);

CREATE TABLE {schema}.audit (
    rma text NOT NULL REFERENCES {schema}.returns (rma),
    version bigint NOT NULL,
    at text NOT NULL,
    channel text NOT NULL,
    actor_id text,
    location_id text,
    from_state text,
    to_state text NOT NULL,
    action text NOT NULL,
    note text,
    PRIMARY KEY (rma, version)
);

CREATE TABLE {schema}.attachments (
    rma text NOT NULL REFERENCES {schema}.returns (rma),
    name text NOT NULL,
    media_type text NOT NULL,
    content bytea NOT NULL,
    PRIMARY KEY (rma, name)
);

CREATE TABLE {schema}.idempotency (
    key text NOT NULL PRIMARY KEY,
    fingerprint text NOT NULL,
    lease_until_ticks bigint NOT NULL,
    result text
);

CREATE TABLE {schema}.outbox (
    sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id uuid NOT NULL UNIQUE,
    type text NOT NULL,
    rma text NOT NULL,
    version bigint NOT NULL,
    occurred_at text NOT NULL,
    payload text NOT NULL,
    state smallint NOT NULL,
    attempts integer NOT NULL,
    next_attempt_ticks bigint NOT NULL,
    lease_until_ticks bigint NOT NULL,
    delivered_to text[] NOT NULL,
    last_error text
);
CREATE INDEX ix_outbox_due ON {schema}.outbox (state, next_attempt_ticks, sequence);
