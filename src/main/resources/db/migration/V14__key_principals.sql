-- Who an API key signs for (issue 16). principal_kind NULL is the root account (every key before this version).
-- SUB_USER: principal_uin is the sub-user's uin, principal_name its name.
-- ROLE_SESSION: role_id, principal_name (the role's name), session_name, session_policy (optional).
-- FEDERATED: principal_uin is the issuer's uin, principal_name the federated name, session_policy its policy.
ALTER TABLE api_keys ADD COLUMN principal_kind VARCHAR(16);
ALTER TABLE api_keys ADD COLUMN principal_uin VARCHAR(32);
ALTER TABLE api_keys ADD COLUMN principal_name VARCHAR(128);
ALTER TABLE api_keys ADD COLUMN role_id VARCHAR(32);
ALTER TABLE api_keys ADD COLUMN session_name VARCHAR(128);
ALTER TABLE api_keys ADD COLUMN session_policy VARCHAR(16384);
ALTER TABLE api_keys ADD COLUMN description VARCHAR(255);
CREATE INDEX api_keys_principal ON api_keys (uin, principal_uin);
