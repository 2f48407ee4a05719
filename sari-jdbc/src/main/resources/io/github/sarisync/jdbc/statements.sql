-- Every SQL statement sari-jdbc runs, by name (see internal.jdbc.Statements), written once for both
-- databases. statements-h2.sql and statements-postgresql.sql hold only the statements whose SQL differs
-- there (upserts, lease and claim SQL in the database clock, FOR SHARE, DISTINCT ON); a name they define
-- replaces the one here. ${sari_prefix} is the table prefix. Instants are bound in UTC; CURRENT_TIMESTAMP is
-- the database's clock (on PostgreSQL the transaction's start, the same as now()).

-- name: schema.tableExists
SELECT COUNT(*) FROM information_schema.tables
 WHERE table_schema = CURRENT_SCHEMA AND lower(table_name) = lower(:table)

-- name: schema.columnExists
SELECT COUNT(*) FROM information_schema.columns
 WHERE table_schema = CURRENT_SCHEMA AND lower(table_name) = lower(:table) AND lower(column_name) = lower(:column)

-- the migrations installed (SchemaInstaller), in the layout of Flyway's flyway_schema_history and with the
-- names quoted as Flyway quotes them, so that a Flyway told table=<prefix>schema_history reads it as its own
-- name: history.create
CREATE TABLE IF NOT EXISTS "${sari_prefix}schema_history" (
    "installed_rank" INT           NOT NULL,
    "version"        VARCHAR(50),
    "description"    VARCHAR(200)  NOT NULL,
    "type"           VARCHAR(20)   NOT NULL,
    "script"         VARCHAR(1000) NOT NULL,
    "checksum"       INT,
    "installed_by"   VARCHAR(100)  NOT NULL,
    "installed_on"   TIMESTAMP     DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "execution_time" INT           NOT NULL,
    "success"        BOOLEAN       NOT NULL,
    CONSTRAINT "${sari_prefix}schema_history_pk" PRIMARY KEY ("installed_rank")
)

-- name: history.createIndex
CREATE INDEX IF NOT EXISTS "${sari_prefix}schema_history_s_idx" ON "${sari_prefix}schema_history" ("success")

-- name: history.applied
SELECT "installed_rank", "version", "type", "script", "checksum", "success"
  FROM "${sari_prefix}schema_history" ORDER BY "installed_rank"

-- name: history.insert
INSERT INTO "${sari_prefix}schema_history" ("installed_rank", "version", "description", "type", "script",
       "checksum", "installed_by", "execution_time", "success")
VALUES (:installedRank, :version, :description, :type, :script, :checksum, CURRENT_USER, :executionTime, TRUE)

-- name: tenant.findAll
SELECT id, name, enabled, paused, environment, base_uri, interval_seconds, last_attempt_at, last_success_at,
       last_outcome, consecutive_failures, last_error_code, last_error_message
  FROM ${sari_prefix}tenants ORDER BY id

-- name: tenant.findEnabled
SELECT id, name, enabled, paused, environment, base_uri, interval_seconds, last_attempt_at, last_success_at,
       last_outcome, consecutive_failures, last_error_code, last_error_message
  FROM ${sari_prefix}tenants WHERE enabled ORDER BY id

-- name: tenant.findPage
SELECT id, name, enabled, paused, environment, base_uri, interval_seconds, last_attempt_at, last_success_at,
       last_outcome, consecutive_failures, last_error_code, last_error_message
  FROM ${sari_prefix}tenants WHERE id > :after ORDER BY id LIMIT :limit

-- name: tenant.find
SELECT id, name, enabled, paused, environment, base_uri, interval_seconds, last_attempt_at, last_success_at,
       last_outcome, consecutive_failures, last_error_code, last_error_message
  FROM ${sari_prefix}tenants WHERE id = :id

-- name: tenant.credentials
SELECT id, environment, base_uri, credentials FROM ${sari_prefix}tenants WHERE id = :id

-- name: tenant.saveSettings
-- only while the row still has the target the caller read: the stored credentials are bound to it
UPDATE ${sari_prefix}tenants SET name = :name, enabled = :enabled, paused = :paused, environment = :environment,
       base_uri = :baseUri, interval_seconds = :intervalSeconds
 WHERE id = :id AND environment IS NOT DISTINCT FROM :storedEnvironment
   AND base_uri IS NOT DISTINCT FROM :storedBaseUri

-- name: tenant.updateState
UPDATE ${sari_prefix}tenants SET last_attempt_at = :lastAttemptAt, last_success_at = :lastSuccessAt,
       last_outcome = :lastOutcome, consecutive_failures = :consecutiveFailures, last_error_code = :lastErrorCode,
       last_error_message = :lastErrorMessage
 WHERE id = :id

-- name: tenant.setFlags
UPDATE ${sari_prefix}tenants SET enabled = :enabled, paused = :paused WHERE id = :id

-- name: tenant.delete
DELETE FROM ${sari_prefix}tenants WHERE id = :id

-- name: tenant.allCredentials
SELECT id, environment, base_uri, credentials FROM ${sari_prefix}tenants ORDER BY id

-- name: tenant.replaceCredentials
UPDATE ${sari_prefix}tenants SET credentials = :credentials WHERE id = :id AND credentials = :previous

-- name: course.load
SELECT c.part_id, c.group_key, c.name, c.starts_at, c.location_name, c.location_street, c.location_zip,
       c.location_city, c.free_places, c.content_hash, c.status, c.first_seen_at, c.last_seen_at,
       c.status_changed_at, g.name AS group_name, g.group_date, g.first_seen_at AS group_first_seen_at,
       g.last_seen_at AS group_last_seen_at
  FROM ${sari_prefix}courses c
  LEFT JOIN ${sari_prefix}course_groups g
    ON g.tenant_id = c.tenant_id AND g.course_type = c.course_type AND g.group_key = c.group_key
 WHERE c.tenant_id = :tenantId AND c.course_type = :type AND (c.status = 'ACTIVE' OR c.starts_at >= :since)

-- the parts asked for whatever their status and start (SARI lists them again), with their groups
-- name: course.findParts
SELECT c.part_id, c.group_key, c.name, c.starts_at, c.location_name, c.location_street, c.location_zip,
       c.location_city, c.free_places, c.content_hash, c.status, c.first_seen_at, c.last_seen_at,
       c.status_changed_at, g.name AS group_name, g.group_date, g.first_seen_at AS group_first_seen_at,
       g.last_seen_at AS group_last_seen_at
  FROM ${sari_prefix}courses c
  LEFT JOIN ${sari_prefix}course_groups g
    ON g.tenant_id = c.tenant_id AND g.course_type = c.course_type AND g.group_key = c.group_key
 WHERE c.tenant_id = :tenantId AND c.course_type = :type AND c.part_id = ANY(:partIds)

-- name: course.loadMembers
SELECT tenant_id, part_id, canonical_faber_id, faber_id, first_name, last_name, birthdate, confirmed_on,
       first_seen_at, last_seen_at, removed_at
  FROM ${sari_prefix}course_members
 WHERE tenant_id = :tenantId AND part_id = ANY(:partIds) AND removed_at IS NULL

-- name: course.changeStatus
UPDATE ${sari_prefix}courses SET status = :status, status_changed_at = :statusChangedAt
 WHERE tenant_id = :tenantId AND part_id = :partId

-- name: course.removeMember
UPDATE ${sari_prefix}course_members SET removed_at = :removedAt
 WHERE tenant_id = :tenantId AND part_id = :partId AND canonical_faber_id = :canonicalFaberId

-- name: course.find
SELECT tenant_id, course_type, part_id, group_key, name, starts_at, location_name, location_street, location_zip,
       location_city, free_places, content_hash, status, first_seen_at, last_seen_at, status_changed_at
  FROM ${sari_prefix}courses
 WHERE (CAST(:tenantId AS VARCHAR) IS NULL OR tenant_id = :tenantId)
   AND (CAST(:type AS VARCHAR) IS NULL OR course_type = :type)
   AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
 ORDER BY starts_at, part_id
 LIMIT :limit

-- name: course.findMembers
SELECT tenant_id, part_id, canonical_faber_id, faber_id, first_name, last_name, birthdate, confirmed_on,
       first_seen_at, last_seen_at, removed_at
  FROM ${sari_prefix}course_members
 WHERE tenant_id = :tenantId AND part_id = :partId
 ORDER BY canonical_faber_id

-- name: run.started
INSERT INTO ${sari_prefix}sync_runs (run_id, tenant_id, operation, run_trigger, status, started_at, heartbeat_at,
       finished_at, inserted, updated, unchanged, completed, cancelled, members_added, members_removed, rejected,
       error_code, error_message, detail)
VALUES (:runId, :tenantId, :operation, :trigger, :status, :startedAt, :heartbeatAt, :finishedAt, :inserted,
        :updated, :unchanged, :completed, :cancelled, :membersAdded, :membersRemoved, :rejected, :errorCode,
        :errorMessage, :detail)

-- name: run.heartbeat
UPDATE ${sari_prefix}sync_runs SET heartbeat_at = :at WHERE run_id = :runId AND status = 'STARTED'

-- name: run.markAbandoned
UPDATE ${sari_prefix}sync_runs SET status = 'ABANDONED', finished_at = :at
 WHERE status = 'STARTED' AND heartbeat_at < :heartbeatBefore

-- name: run.purge
DELETE FROM ${sari_prefix}sync_runs WHERE status <> 'STARTED' AND started_at < :startedBefore

-- name: run.recent
SELECT run_id, tenant_id, operation, run_trigger, status, started_at, heartbeat_at, finished_at, inserted, updated,
       unchanged, completed, cancelled, members_added, members_removed, rejected, error_code, error_message, detail
  FROM ${sari_prefix}sync_runs
 ORDER BY started_at DESC, run_id DESC
 LIMIT :limit

-- name: run.recentOfTenant
SELECT run_id, tenant_id, operation, run_trigger, status, started_at, heartbeat_at, finished_at, inserted, updated,
       unchanged, completed, cancelled, members_added, members_removed, rejected, error_code, error_message, detail
  FROM ${sari_prefix}sync_runs
 WHERE tenant_id = :tenantId
 ORDER BY started_at DESC, run_id DESC
 LIMIT :limit

-- name: run.stats
SELECT tenant_id,
       SUM(CASE WHEN status = 'SUCCEEDED' THEN 1 ELSE 0 END) AS succeeded,
       SUM(CASE WHEN status = 'PARTIAL' THEN 1 ELSE 0 END) AS partial,
       SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
       SUM(CASE WHEN status = 'SKIPPED' THEN 1 ELSE 0 END) AS skipped,
       SUM(CASE WHEN status = 'ABANDONED' THEN 1 ELSE 0 END) AS abandoned
  FROM ${sari_prefix}sync_runs
 WHERE started_at >= :since AND status <> 'STARTED'
 GROUP BY tenant_id
 ORDER BY tenant_id

-- name: run.running
SELECT run_id, tenant_id, operation, run_trigger, status, started_at, heartbeat_at, finished_at, inserted, updated,
       unchanged, completed, cancelled, members_added, members_removed, rejected, error_code, error_message, detail
  FROM ${sari_prefix}sync_runs
 WHERE status = 'STARTED'
 ORDER BY started_at, run_id

-- enrolment outbox (EnrollmentService): one row per requested part change
-- name: outbox.insert
INSERT INTO ${sari_prefix}enrollment_outbox (id, operation_id, tenant_id, action, course_id, faber_id, birthdate,
       state, attempts, next_attempt_at, last_error_code, created_at, updated_at, in_flight)
VALUES (:id, :operationId, :tenantId, :action, :courseId, :faberId, :birthdate, :state, :attempts, :nextAttemptAt,
        :lastErrorCode, :createdAt, :updatedAt, FALSE)

-- name: outbox.claimed
SELECT id, operation_id, tenant_id, action, course_id, faber_id, birthdate, state, attempts, next_attempt_at,
       last_error_code, created_at, updated_at, claim_token, claimed_until, in_flight, gave_up_at, gave_up_announced
  FROM ${sari_prefix}enrollment_outbox WHERE claim_token = :claimToken

-- name: outbox.markInFlight
UPDATE ${sari_prefix}enrollment_outbox SET in_flight = TRUE
 WHERE id = :id AND claim_token = :claimToken AND claimed_until > CURRENT_TIMESTAMP

-- writes an outcome and releases the claim, only while the writer's claim holds (or nobody's, for an
-- entry never claimed): a holder that outlived its claim writes nothing. A give-up is stamped in the
-- database's clock in the same write (a stamp already there is kept), not yet announced
-- name: outbox.update
UPDATE ${sari_prefix}enrollment_outbox SET state = :state, attempts = :attempts, next_attempt_at = :nextAttemptAt,
       last_error_code = :lastErrorCode, birthdate = :birthdate, updated_at = :updatedAt,
       claim_token = NULL, claimed_until = NULL, in_flight = FALSE,
       gave_up_at = CASE WHEN :gaveUp THEN COALESCE(gave_up_at, CURRENT_TIMESTAMP) ELSE NULL END,
       gave_up_announced = CASE WHEN :gaveUp THEN gave_up_announced ELSE FALSE END
 WHERE id = :id
   AND ((CAST(:claimToken AS VARCHAR(64)) IS NULL AND claim_token IS NULL)
        OR (claim_token = :claimToken AND claimed_until > CURRENT_TIMESTAMP))

-- name: outbox.find
SELECT id, operation_id, tenant_id, action, course_id, faber_id, birthdate, state, attempts, next_attempt_at,
       last_error_code, created_at, updated_at, claim_token, claimed_until, in_flight, gave_up_at, gave_up_announced
  FROM ${sari_prefix}enrollment_outbox WHERE id = :id

-- given up = failed for good in an outbox run (gave_up_at stamped); a refusal answered to a live caller is not
-- name: outbox.summary
SELECT (SELECT COUNT(*) FROM ${sari_prefix}enrollment_outbox
         WHERE gave_up_at >= :since AND state = 'FAILED_PERMANENTLY') AS gave_up,
       (SELECT MIN(gave_up_at) FROM ${sari_prefix}enrollment_outbox
         WHERE gave_up_at >= :since AND state = 'FAILED_PERMANENTLY') AS first_gave_up_at,
       (SELECT MAX(gave_up_at) FROM ${sari_prefix}enrollment_outbox
         WHERE gave_up_at >= :since AND state = 'FAILED_PERMANENTLY') AS last_gave_up_at,
       (SELECT COUNT(*) FROM ${sari_prefix}enrollment_outbox WHERE state = 'PENDING') AS pending,
       (SELECT MIN(created_at) FROM ${sari_prefix}enrollment_outbox WHERE state = 'PENDING') AS oldest_pending_since

-- the tenants with entries outbox.claim would take now, by their earliest due entry
-- name: outbox.dueTenants
SELECT tenant_id FROM ${sari_prefix}enrollment_outbox
 WHERE state = 'PENDING' AND next_attempt_at <= :now
   AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP)
 GROUP BY tenant_id
 ORDER BY MIN(next_attempt_at), tenant_id
 LIMIT :limit

-- one caller wins: the one whose write found the give-up unannounced
-- name: outbox.markGiveUpAnnounced
UPDATE ${sari_prefix}enrollment_outbox SET gave_up_announced = TRUE
 WHERE id = :id AND gave_up_at IS NOT NULL AND gave_up_announced = FALSE

-- name: outbox.list
SELECT id, operation_id, tenant_id, action, course_id, faber_id, birthdate, state, attempts, next_attempt_at,
       last_error_code, created_at, updated_at, claim_token, claimed_until, in_flight, gave_up_at, gave_up_announced
  FROM ${sari_prefix}enrollment_outbox
 WHERE (CAST(:tenantId AS VARCHAR(128)) IS NULL OR tenant_id = :tenantId)
   AND (CAST(:operationId AS VARCHAR(64)) IS NULL OR operation_id = :operationId)
   AND (CAST(:state AS VARCHAR(24)) IS NULL OR state = :state)
 ORDER BY created_at, id
 LIMIT :limit
