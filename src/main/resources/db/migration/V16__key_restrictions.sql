-- The admin switches on a credential (issue 16): actions it may not call (one pattern a line) and whether it may
-- only read. NULL and FALSE (every key before this version) mean no switch is set.
ALTER TABLE api_keys ADD COLUMN denied_actions VARCHAR(8192);
ALTER TABLE api_keys ADD COLUMN read_only BOOLEAN;
