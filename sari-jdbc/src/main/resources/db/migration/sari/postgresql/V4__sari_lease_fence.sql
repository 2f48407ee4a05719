
-- fencing tokens: every take of a lease gets a larger fence, and the run's writes are refused once a newer take
-- exists (the column starts at 0 for leases taken before; their next take gets 1)
ALTER TABLE ${sari_prefix}locks ADD COLUMN IF NOT EXISTS fence BIGINT NOT NULL DEFAULT 0;
