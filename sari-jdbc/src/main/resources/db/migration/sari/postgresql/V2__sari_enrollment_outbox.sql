
-- the enrolment outbox: every registration change requested of SARI, kept until carried out or failed for good
CREATE TABLE IF NOT EXISTS ${sari_prefix}enrollment_outbox (
    id              VARCHAR(64)  NOT NULL,
    operation_id    VARCHAR(64)  NOT NULL,
    tenant_id       VARCHAR(128) NOT NULL,
    action          VARCHAR(16)  NOT NULL,
    course_id       BIGINT       NOT NULL,
    faber_id        VARCHAR(64)  NOT NULL,
    birthdate       DATE,
    state           VARCHAR(24)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error_code VARCHAR(100),
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ${sari_prefix}enrollment_outbox_pk PRIMARY KEY (id)
);

-- due entries (outbox runs)
CREATE INDEX IF NOT EXISTS ${sari_prefix}enrollment_outbox_due_idx
    ON ${sari_prefix}enrollment_outbox (state, next_attempt_at);

-- the entries of one operation
CREATE INDEX IF NOT EXISTS ${sari_prefix}enrollment_outbox_operation_idx
    ON ${sari_prefix}enrollment_outbox (operation_id);

-- the entries of one tenant
CREATE INDEX IF NOT EXISTS ${sari_prefix}enrollment_outbox_tenant_idx
    ON ${sari_prefix}enrollment_outbox (tenant_id, created_at);
