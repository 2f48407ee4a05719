-- The statements whose SQL differs on PostgreSQL; they replace the same names in statements.sql.
-- Lease times are computed in the database's clock (clock_timestamp() / now()), never in the JVM's.
-- Upserts use INSERT ... ON CONFLICT.

-- only PostgreSQL has it: the schema installer's run holds this lock until its transaction ends, so
-- installers in several processes take turns (the statement is absent on H2)
-- name: schema.lock
SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS installer_lock

-- name: tenant.saveWithCredentials
INSERT INTO ${sari_prefix}tenants AS t (id, name, enabled, paused, environment, base_uri, interval_seconds,
       credentials, last_attempt_at, last_success_at, last_outcome, consecutive_failures, last_error_code,
       last_error_message)
VALUES (:id, :name, :enabled, :paused, :environment, :baseUri, :intervalSeconds, :credentials, :lastAttemptAt,
        :lastSuccessAt, :lastOutcome, :consecutiveFailures, :lastErrorCode, :lastErrorMessage)
ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, enabled = EXCLUDED.enabled, paused = EXCLUDED.paused,
       environment = EXCLUDED.environment, base_uri = EXCLUDED.base_uri,
       interval_seconds = EXCLUDED.interval_seconds, credentials = EXCLUDED.credentials

-- a state write carrying the run's lease, in one statement: the sub-select holds the lease row until the
-- commit (a new take waits), and a lease expired or taken again matches no row, so nothing is written
-- name: tenant.updateStateFenced
UPDATE ${sari_prefix}tenants SET last_attempt_at = :lastAttemptAt, last_success_at = :lastSuccessAt,
       last_outcome = :lastOutcome, consecutive_failures = :consecutiveFailures, last_error_code = :lastErrorCode,
       last_error_message = :lastErrorMessage
 WHERE id = :id
   AND EXISTS (SELECT fence FROM ${sari_prefix}locks
                WHERE name = :leaseName AND owner = :leaseOwner AND fence = :fence AND expires_at > clock_timestamp()
                  FOR SHARE)

-- name: course.upsertGroup
INSERT INTO ${sari_prefix}course_groups (tenant_id, course_type, group_key, name, group_date, first_seen_at,
       last_seen_at)
VALUES (:tenantId, :type, :groupKey, :name, :date, :firstSeenAt, :lastSeenAt)
ON CONFLICT (tenant_id, course_type, group_key) DO UPDATE SET name = EXCLUDED.name,
       group_date = EXCLUDED.group_date, first_seen_at = EXCLUDED.first_seen_at,
       last_seen_at = EXCLUDED.last_seen_at

-- name: course.upsertCourse
INSERT INTO ${sari_prefix}courses (tenant_id, part_id, course_type, group_key, name, starts_at, location_name,
       location_street, location_zip, location_city, free_places, content_hash, status, first_seen_at,
       last_seen_at, status_changed_at)
VALUES (:tenantId, :partId, :type, :groupKey, :name, :startsAt, :locationName, :locationStreet, :locationZip,
        :locationCity, :freePlaces, :contentHash, :status, :firstSeenAt, :lastSeenAt, :statusChangedAt)
ON CONFLICT (tenant_id, part_id) DO UPDATE SET course_type = EXCLUDED.course_type,
       group_key = EXCLUDED.group_key, name = EXCLUDED.name, starts_at = EXCLUDED.starts_at,
       location_name = EXCLUDED.location_name, location_street = EXCLUDED.location_street,
       location_zip = EXCLUDED.location_zip, location_city = EXCLUDED.location_city,
       free_places = EXCLUDED.free_places, content_hash = EXCLUDED.content_hash, status = EXCLUDED.status,
       first_seen_at = EXCLUDED.first_seen_at, last_seen_at = EXCLUDED.last_seen_at,
       status_changed_at = EXCLUDED.status_changed_at

-- name: course.upsertMember
INSERT INTO ${sari_prefix}course_members (tenant_id, part_id, canonical_faber_id, faber_id, first_name, last_name,
       birthdate, confirmed_on, first_seen_at, last_seen_at, removed_at)
VALUES (:tenantId, :partId, :canonicalFaberId, :faberId, :firstName, :lastName, :birthdate, :confirmedOn,
        :firstSeenAt, :lastSeenAt, :removedAt)
ON CONFLICT (tenant_id, part_id, canonical_faber_id) DO UPDATE SET faber_id = EXCLUDED.faber_id,
       first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, birthdate = EXCLUDED.birthdate,
       confirmed_on = EXCLUDED.confirmed_on, first_seen_at = EXCLUDED.first_seen_at,
       last_seen_at = EXCLUDED.last_seen_at, removed_at = EXCLUDED.removed_at

-- name: run.finished
INSERT INTO ${sari_prefix}sync_runs (run_id, tenant_id, operation, run_trigger, status, started_at, heartbeat_at,
       finished_at, inserted, updated, unchanged, completed, cancelled, members_added, members_removed, rejected,
       error_code, error_message, detail)
VALUES (:runId, :tenantId, :operation, :trigger, :status, :startedAt, :heartbeatAt, :finishedAt, :inserted,
        :updated, :unchanged, :completed, :cancelled, :membersAdded, :membersRemoved, :rejected, :errorCode,
        :errorMessage, :detail)
ON CONFLICT (run_id) DO UPDATE SET status = EXCLUDED.status, heartbeat_at = EXCLUDED.heartbeat_at,
       finished_at = EXCLUDED.finished_at, inserted = EXCLUDED.inserted, updated = EXCLUDED.updated,
       unchanged = EXCLUDED.unchanged, completed = EXCLUDED.completed, cancelled = EXCLUDED.cancelled,
       members_added = EXCLUDED.members_added, members_removed = EXCLUDED.members_removed,
       rejected = EXCLUDED.rejected, error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message,
       detail = EXCLUDED.detail

-- name: run.lastPerTenant
SELECT DISTINCT ON (tenant_id) run_id, tenant_id, operation, run_trigger, status, started_at, heartbeat_at,
       finished_at, inserted, updated, unchanged, completed, cancelled, members_added, members_removed, rejected,
       error_code, error_message, detail
  FROM ${sari_prefix}sync_runs
 ORDER BY tenant_id, started_at DESC, run_id DESC

-- clock_timestamp(), not now(): a statement that waited for the lease row (held by a fenced write) decides and
-- stamps the lease at the moment it runs, not when its transaction began
-- name: lock.acquire
INSERT INTO ${sari_prefix}locks AS l (name, owner, locked_at, expires_at, fence)
VALUES (:name, :owner, clock_timestamp(), clock_timestamp() + :leaseMillis * INTERVAL '1 millisecond', 1)
ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, locked_at = EXCLUDED.locked_at,
       expires_at = EXCLUDED.expires_at, fence = l.fence + 1
 WHERE l.expires_at <= clock_timestamp() OR l.owner = EXCLUDED.owner
RETURNING fence, locked_at, expires_at

-- name: lock.extend
UPDATE ${sari_prefix}locks SET expires_at = clock_timestamp() + :leaseMillis * INTERVAL '1 millisecond'
 WHERE name = :name AND owner = :owner AND fence = :fence AND expires_at > clock_timestamp()

-- name: lock.release
UPDATE ${sari_prefix}locks SET expires_at = clock_timestamp()
 WHERE name = :name AND owner = :owner AND fence = :fence AND expires_at > clock_timestamp()

-- the first statement of a fenced write's transaction: FOR SHARE keeps the row as it is until the commit, so
-- a new take (an UPDATE of the row) waits for the write, and a write after expiry or takeover finds no row
-- name: lock.check
SELECT fence FROM ${sari_prefix}locks
 WHERE name = :name AND owner = :owner AND fence = :fence AND expires_at > clock_timestamp()
   FOR SHARE

-- new entries held by one claim of the caller (a live operation), its expiry in the database's clock
-- name: outbox.insertClaimed
INSERT INTO ${sari_prefix}enrollment_outbox (id, operation_id, tenant_id, action, course_id, faber_id, birthdate,
       state, attempts, next_attempt_at, last_error_code, created_at, updated_at, claim_token, claimed_until,
       in_flight)
VALUES (:id, :operationId, :tenantId, :action, :courseId, :faberId, :birthdate, :state, :attempts, :nextAttemptAt,
        :lastErrorCode, :createdAt, :updatedAt, :claimToken, now() + :leaseMillis * INTERVAL '1 millisecond', FALSE)

-- claims due entries (of all tenants, or of :tenantId only) in one statement: due in the caller's clock, not
-- held by an unexpired claim in the database's clock; SKIP LOCKED leaves rows a concurrent claimer is taking
-- to that claimer
-- name: outbox.claim
WITH due AS (
    SELECT id FROM ${sari_prefix}enrollment_outbox
     WHERE state = 'PENDING' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= now())
       AND (CAST(:tenantId AS VARCHAR(128)) IS NULL OR tenant_id = :tenantId)
     ORDER BY next_attempt_at, created_at, id
     LIMIT :limit
       FOR UPDATE SKIP LOCKED)
UPDATE ${sari_prefix}enrollment_outbox o SET claim_token = :claimToken, claimed_until = now() + :leaseMillis * INTERVAL '1 millisecond',
       updated_at = now()
  FROM due WHERE o.id = due.id
RETURNING o.id, o.operation_id, o.tenant_id, o.action, o.course_id, o.faber_id, o.birthdate, o.state, o.attempts,
          o.next_attempt_at, o.last_error_code, o.created_at, o.updated_at, o.claim_token, o.claimed_until,
          o.in_flight, o.gave_up_at, o.gave_up_announced

-- name: outbox.extend
UPDATE ${sari_prefix}enrollment_outbox SET claimed_until = now() + :leaseMillis * INTERVAL '1 millisecond'
 WHERE claim_token = :claimToken AND claimed_until > now()

-- give-ups nobody announced (the process that gave up stopped first), older than the grace in the database's clock
-- name: outbox.unannouncedGiveUps
SELECT id, operation_id, tenant_id, action, course_id, faber_id, birthdate, state, attempts, next_attempt_at,
       last_error_code, created_at, updated_at, claim_token, claimed_until, in_flight, gave_up_at, gave_up_announced
  FROM ${sari_prefix}enrollment_outbox
 WHERE gave_up_at <= now() - :graceMillis * INTERVAL '1 millisecond'
   AND gave_up_announced = FALSE AND state = 'FAILED_PERMANENTLY'
 ORDER BY gave_up_at, id
 LIMIT :limit
