-- give-ups: when an outbox run gave up on an entry (FAILED_PERMANENTLY with nobody waiting for the answer),
-- stamped in the database's clock by the write that fails the entry, so health counts the give-ups from this
-- table alone; and whether the give-up was told to the host's listener (a later run tells what a process that
-- stopped first could not)
ALTER TABLE ${sari_prefix}enrollment_outbox ADD COLUMN IF NOT EXISTS gave_up_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ${sari_prefix}enrollment_outbox ADD COLUMN IF NOT EXISTS gave_up_announced BOOLEAN DEFAULT FALSE NOT NULL;

-- entries an older release gave up on (failed for good after a retry; one refused on its first attempt was
-- answered to the operation's caller) count as given up at their last write, and as told, so that an upgrade
-- does not announce past give-ups again; this release stamps every give-up it writes, so running this again
-- changes nothing
UPDATE ${sari_prefix}enrollment_outbox SET gave_up_at = updated_at, gave_up_announced = TRUE
 WHERE state = 'FAILED_PERMANENTLY' AND attempts > 1 AND gave_up_at IS NULL;

-- give-ups by time (health counts, give-ups to announce)
CREATE INDEX IF NOT EXISTS ${sari_prefix}enrollment_outbox_gave_up_idx
    ON ${sari_prefix}enrollment_outbox (gave_up_at);
