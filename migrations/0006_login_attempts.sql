-- Sign-in throttling per address and account: every refused or failed
-- attempt names the account it was for by a keyed hash of the name typed
-- (known or not), so that one address's failures on one account do not
-- lock every other account out from that address (a carrier NAT, a
-- school).  user_id is set only when a password was actually checked.
ALTER TABLE login_failures
	ADD COLUMN name_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '' AFTER addr,
	ADD KEY login_failures_addr_name (addr, name_hash, at);
