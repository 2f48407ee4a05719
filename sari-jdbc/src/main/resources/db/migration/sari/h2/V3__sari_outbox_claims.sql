-- claims on outbox entries: a token unique per claim and its expiry in the database's clock, so that
-- only the holder of an unexpired claim may write an entry's outcome; in_flight marks an entry whose
-- SARI call was started and whose outcome was never written (the next attempt asks SARI first)
ALTER TABLE ${sari_prefix}enrollment_outbox ADD COLUMN IF NOT EXISTS claim_token VARCHAR(64);
ALTER TABLE ${sari_prefix}enrollment_outbox ADD COLUMN IF NOT EXISTS claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE ${sari_prefix}enrollment_outbox ADD COLUMN IF NOT EXISTS in_flight BOOLEAN DEFAULT FALSE NOT NULL;

-- the entries of one claim (extending a claim)
CREATE INDEX IF NOT EXISTS ${sari_prefix}enrollment_outbox_claim_idx
    ON ${sari_prefix}enrollment_outbox (claim_token);
