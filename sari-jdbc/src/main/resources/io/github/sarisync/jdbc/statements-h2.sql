-- The statements whose SQL differs on H2 2.x; they replace the same names in statements.sql.
-- Lease times are computed in the database's clock (CURRENT_TIMESTAMP), never in the JVM's.
-- Upserts use MERGE (atomic per row); the statement names are the same as for PostgreSQL.

-- name: tenant.saveWithCredentials
MERGE INTO ${sari_prefix}tenants t
USING (SELECT 1 AS one) s ON t.id = :id
WHEN MATCHED THEN UPDATE SET name = :name, enabled = :enabled, paused = :paused, environment = :environment,
       base_uri = :baseUri, interval_seconds = :intervalSeconds, credentials = :credentials
WHEN NOT MATCHED THEN INSERT (id, name, enabled, paused, environment, base_uri, interval_seconds, credentials,
       last_attempt_at, last_success_at, last_outcome, consecutive_failures, last_error_code, last_error_message)
VALUES (:id, :name, :enabled, :paused, :environment, :baseUri, :intervalSeconds, :credentials, :lastAttemptAt,
        :lastSuccessAt, :lastOutcome, :consecutiveFailures, :lastErrorCode, :lastErrorMessage)

-- a state write carrying the run's lease, in one statement: the sub-select holds the lease row until the
-- commit (a new take waits), and a lease expired or taken again matches no row, so nothing is written
-- name: tenant.updateStateFenced
UPDATE ${sari_prefix}tenants SET last_attempt_at = :lastAttemptAt, last_success_at = :lastSuccessAt,
       last_outcome = :lastOutcome, consecutive_failures = :consecutiveFailures, last_error_code = :lastErrorCode,
       last_error_message = :lastErrorMessage
 WHERE id = :id
   AND EXISTS (SELECT fence FROM ${sari_prefix}locks
                WHERE name = :leaseName AND owner = :leaseOwner AND fence = :fence AND expires_at > CURRENT_TIMESTAMP
                  FOR UPDATE)

-- name: course.upsertGroup
MERGE INTO ${sari_prefix}course_groups (tenant_id, course_type, group_key, name, group_date, first_seen_at,
       last_seen_at)
KEY (tenant_id, course_type, group_key)
VALUES (:tenantId, :type, :groupKey, :name, :date, :firstSeenAt, :lastSeenAt)

-- name: course.upsertCourse
MERGE INTO ${sari_prefix}courses (tenant_id, part_id, course_type, group_key, name, starts_at, location_name,
       location_street, location_zip, location_city, free_places, content_hash, status, first_seen_at,
       last_seen_at, status_changed_at)
KEY (tenant_id, part_id)
VALUES (:tenantId, :partId, :type, :groupKey, :name, :startsAt, :locationName, :locationStreet, :locationZip,
        :locationCity, :freePlaces, :contentHash, :status, :firstSeenAt, :lastSeenAt, :statusChangedAt)

-- name: course.upsertMember
MERGE INTO ${sari_prefix}course_members (tenant_id, part_id, canonical_faber_id, faber_id, first_name, last_name,
       birthdate, confirmed_on, first_seen_at, last_seen_at, removed_at)
KEY (tenant_id, part_id, canonical_faber_id)
VALUES (:tenantId, :partId, :canonicalFaberId, :faberId, :firstName, :lastName, :birthdate, :confirmedOn,
        :firstSeenAt, :lastSeenAt, :removedAt)

-- name: run.finished
MERGE INTO ${sari_prefix}sync_runs (run_id, tenant_id, operation, run_trigger, status, started_at, heartbeat_at,
       finished_at, inserted, updated, unchanged, completed, cancelled, members_added, members_removed, rejected,
       error_code, error_message, detail)
KEY (run_id)
VALUES (:runId, :tenantId, :operation, :trigger, :status, :startedAt, :heartbeatAt, :finishedAt, :inserted,
        :updated, :unchanged, :completed, :cancelled, :membersAdded, :membersRemoved, :rejected, :errorCode,
        :errorMessage, :detail)

-- name: run.lastPerTenant
SELECT run_id, tenant_id, operation, run_trigger, status, started_at, heartbeat_at, finished_at, inserted, updated,
       unchanged, completed, cancelled, members_added, members_removed, rejected, error_code, error_message, detail
  FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY tenant_id ORDER BY started_at DESC, run_id DESC) AS newest
          FROM ${sari_prefix}sync_runs r) ranked
 WHERE newest = 1
 ORDER BY tenant_id

-- FINAL TABLE returns the row as the MERGE left it, so the fence and times come back in the same statement;
-- no row when the lease is held by someone else
-- name: lock.acquire
SELECT fence, locked_at, expires_at FROM FINAL TABLE (
MERGE INTO ${sari_prefix}locks l
USING (SELECT 1 AS one) s ON l.name = :name
WHEN MATCHED AND (l.expires_at <= CURRENT_TIMESTAMP OR l.owner = :owner) THEN
     UPDATE SET owner = :owner, locked_at = CURRENT_TIMESTAMP,
            expires_at = DATEADD(MILLISECOND, :leaseMillis, CURRENT_TIMESTAMP), fence = l.fence + 1
WHEN NOT MATCHED THEN
     INSERT (name, owner, locked_at, expires_at, fence)
     VALUES (:name, :owner, CURRENT_TIMESTAMP, DATEADD(MILLISECOND, :leaseMillis, CURRENT_TIMESTAMP), 1)
)

-- name: lock.extend
UPDATE ${sari_prefix}locks SET expires_at = DATEADD(MILLISECOND, :leaseMillis, CURRENT_TIMESTAMP)
 WHERE name = :name AND owner = :owner AND fence = :fence AND expires_at > CURRENT_TIMESTAMP

-- name: lock.release
UPDATE ${sari_prefix}locks SET expires_at = CURRENT_TIMESTAMP
 WHERE name = :name AND owner = :owner AND fence = :fence AND expires_at > CURRENT_TIMESTAMP

-- the first statement of a fenced write's transaction: the row lock makes a new take wait for the write,
-- and a write after expiry or takeover finds no row
-- name: lock.check
SELECT fence FROM ${sari_prefix}locks
 WHERE name = :name AND owner = :owner AND fence = :fence AND expires_at > CURRENT_TIMESTAMP
   FOR UPDATE

-- new entries held by one claim of the caller (a live operation), its expiry in the database's clock
-- name: outbox.insertClaimed
INSERT INTO ${sari_prefix}enrollment_outbox (id, operation_id, tenant_id, action, course_id, faber_id, birthdate,
       state, attempts, next_attempt_at, last_error_code, created_at, updated_at, claim_token, claimed_until,
       in_flight)
VALUES (:id, :operationId, :tenantId, :action, :courseId, :faberId, :birthdate, :state, :attempts, :nextAttemptAt,
        :lastErrorCode, :createdAt, :updatedAt, :claimToken, DATEADD(MILLISECOND, :leaseMillis, CURRENT_TIMESTAMP), FALSE)

-- claims due entries (of all tenants, or of :tenantId only) in one statement: due in the caller's clock, not
-- held by an unexpired claim in the database's clock; the outer condition is checked again on each row as it
-- is updated, so a row a concurrent claimer took meanwhile is left out (read back by token with outbox.claimed)
-- name: outbox.claim
UPDATE ${sari_prefix}enrollment_outbox SET claim_token = :claimToken,
       claimed_until = DATEADD(MILLISECOND, :leaseMillis, CURRENT_TIMESTAMP), updated_at = CURRENT_TIMESTAMP
 WHERE state = 'PENDING' AND next_attempt_at <= :now
   AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP)
   AND id IN (SELECT id FROM ${sari_prefix}enrollment_outbox
               WHERE state = 'PENDING' AND next_attempt_at <= :now
                 AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP)
                 AND (CAST(:tenantId AS VARCHAR(128)) IS NULL OR tenant_id = :tenantId)
               ORDER BY next_attempt_at, created_at, id
               LIMIT :limit)

-- name: outbox.extend
UPDATE ${sari_prefix}enrollment_outbox SET claimed_until = DATEADD(MILLISECOND, :leaseMillis, CURRENT_TIMESTAMP)
 WHERE claim_token = :claimToken AND claimed_until > CURRENT_TIMESTAMP

-- give-ups nobody announced (the process that gave up stopped first), older than the grace in the database's clock
-- name: outbox.unannouncedGiveUps
SELECT id, operation_id, tenant_id, action, course_id, faber_id, birthdate, state, attempts, next_attempt_at,
       last_error_code, created_at, updated_at, claim_token, claimed_until, in_flight, gave_up_at, gave_up_announced
  FROM ${sari_prefix}enrollment_outbox
 WHERE gave_up_at <= DATEADD(MILLISECOND, -:graceMillis, CURRENT_TIMESTAMP)
   AND gave_up_announced = FALSE AND state = 'FAILED_PERMANENTLY'
 ORDER BY gave_up_at, id
 LIMIT :limit
