-- sari-sync schema for PostgreSQL 14+.
-- ${sari_prefix} is the table prefix (default sari_): SchemaInstaller replaces it, and Flyway
-- does too when the placeholder sari_prefix is configured (spring.flyway.placeholders.sari_prefix=sari_).
-- Every statement creates only what is missing; nothing is ever dropped. Instants are timestamptz (UTC).

CREATE TABLE IF NOT EXISTS ${sari_prefix}tenants (
    id                   VARCHAR(128)  NOT NULL,
    name                 VARCHAR(500)  NOT NULL,
    enabled              BOOLEAN       NOT NULL,
    paused               BOOLEAN       NOT NULL,
    environment          VARCHAR(32),
    base_uri             VARCHAR(2000),
    interval_seconds     BIGINT,
    credentials          TEXT          NOT NULL,
    last_attempt_at      TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    last_outcome         VARCHAR(16),
    consecutive_failures INTEGER       NOT NULL DEFAULT 0,
    last_error_code      VARCHAR(100),
    last_error_message   VARCHAR(2000),
    CONSTRAINT ${sari_prefix}tenants_pk PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS ${sari_prefix}course_groups (
    tenant_id     VARCHAR(128) NOT NULL,
    course_type   VARCHAR(8)   NOT NULL,
    group_key     VARCHAR(64)  NOT NULL,
    name          VARCHAR(500),
    group_date    TIMESTAMP,
    first_seen_at TIMESTAMPTZ  NOT NULL,
    last_seen_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ${sari_prefix}course_groups_pk PRIMARY KEY (tenant_id, course_type, group_key)
);

CREATE TABLE IF NOT EXISTS ${sari_prefix}courses (
    tenant_id         VARCHAR(128) NOT NULL,
    part_id           BIGINT       NOT NULL,
    course_type       VARCHAR(8)   NOT NULL,
    group_key         VARCHAR(64),
    name              VARCHAR(500),
    starts_at         TIMESTAMPTZ  NOT NULL,
    location_name     VARCHAR(500),
    location_street   VARCHAR(500),
    location_zip      VARCHAR(20),
    location_city     VARCHAR(200),
    free_places       INTEGER      NOT NULL,
    content_hash      VARCHAR(128) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    first_seen_at     TIMESTAMPTZ  NOT NULL,
    last_seen_at      TIMESTAMPTZ  NOT NULL,
    status_changed_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ${sari_prefix}courses_pk PRIMARY KEY (tenant_id, part_id)
);

CREATE INDEX IF NOT EXISTS ${sari_prefix}courses_type_status_idx
    ON ${sari_prefix}courses (tenant_id, course_type, status, starts_at);

CREATE TABLE IF NOT EXISTS ${sari_prefix}course_members (
    tenant_id          VARCHAR(128) NOT NULL,
    part_id            BIGINT       NOT NULL,
    canonical_faber_id VARCHAR(32)  NOT NULL,
    faber_id           VARCHAR(32)  NOT NULL,
    first_name         VARCHAR(200),
    last_name          VARCHAR(200),
    birthdate          DATE,
    confirmed_on       DATE,
    first_seen_at      TIMESTAMPTZ  NOT NULL,
    last_seen_at       TIMESTAMPTZ  NOT NULL,
    removed_at         TIMESTAMPTZ,
    CONSTRAINT ${sari_prefix}course_members_pk PRIMARY KEY (tenant_id, part_id, canonical_faber_id)
);

CREATE TABLE IF NOT EXISTS ${sari_prefix}sync_runs (
    run_id          VARCHAR(64)   NOT NULL,
    tenant_id       VARCHAR(128)  NOT NULL,
    operation       VARCHAR(16)   NOT NULL,
    run_trigger     VARCHAR(16),
    status          VARCHAR(16)   NOT NULL,
    started_at      TIMESTAMPTZ   NOT NULL,
    heartbeat_at    TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    inserted        INTEGER       NOT NULL DEFAULT 0,
    updated         INTEGER       NOT NULL DEFAULT 0,
    unchanged       INTEGER       NOT NULL DEFAULT 0,
    completed       INTEGER       NOT NULL DEFAULT 0,
    cancelled       INTEGER       NOT NULL DEFAULT 0,
    members_added   INTEGER       NOT NULL DEFAULT 0,
    members_removed INTEGER       NOT NULL DEFAULT 0,
    rejected        INTEGER       NOT NULL DEFAULT 0,
    error_code      VARCHAR(100),
    error_message   VARCHAR(2000),
    detail          VARCHAR(4000),
    CONSTRAINT ${sari_prefix}sync_runs_pk PRIMARY KEY (run_id)
);

-- recent runs of a tenant, last run per tenant
CREATE INDEX IF NOT EXISTS ${sari_prefix}sync_runs_tenant_idx
    ON ${sari_prefix}sync_runs (tenant_id, started_at);

-- recent runs of all tenants, stats over a window, purge
CREATE INDEX IF NOT EXISTS ${sari_prefix}sync_runs_started_idx
    ON ${sari_prefix}sync_runs (started_at);

-- running runs, abandoned runs
CREATE INDEX IF NOT EXISTS ${sari_prefix}sync_runs_running_idx
    ON ${sari_prefix}sync_runs (heartbeat_at) WHERE status = 'STARTED';

CREATE TABLE IF NOT EXISTS ${sari_prefix}locks (
    name       VARCHAR(255) NOT NULL,
    owner      VARCHAR(255) NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    fence      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ${sari_prefix}locks_pk PRIMARY KEY (name)
);
-- databases installed before fencing tokens get the column (harmless when re-run)
ALTER TABLE ${sari_prefix}locks ADD COLUMN IF NOT EXISTS fence BIGINT NOT NULL DEFAULT 0;

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

-- claims on outbox entries: a token unique per claim and its expiry in the database's clock, so that
-- only the holder of an unexpired claim may write an entry's outcome; in_flight marks an entry whose
-- SARI call was started and whose outcome was never written (the next attempt asks SARI first).
-- Added after the table: ADD COLUMN IF NOT EXISTS upgrades a table an older release created.
ALTER TABLE ${sari_prefix}enrollment_outbox ADD COLUMN IF NOT EXISTS claim_token VARCHAR(64);
ALTER TABLE ${sari_prefix}enrollment_outbox ADD COLUMN IF NOT EXISTS claimed_until TIMESTAMPTZ;
ALTER TABLE ${sari_prefix}enrollment_outbox ADD COLUMN IF NOT EXISTS in_flight BOOLEAN DEFAULT FALSE NOT NULL;

-- the entries of one claim (extending a claim)
CREATE INDEX IF NOT EXISTS ${sari_prefix}enrollment_outbox_claim_idx
    ON ${sari_prefix}enrollment_outbox (claim_token);
