-- An account's own EIP quota per region (admin attribute addressQuota); NULL means the documented 20.
ALTER TABLE account_attributes ADD COLUMN address_quota INTEGER;
