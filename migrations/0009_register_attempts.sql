-- Every registration attempt, not only the accounts made: the answer to a
-- refused attempt (a phone number already registered) tells something,
-- so attempts count against the address that makes them.
CREATE TABLE register_attempts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	addr		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY register_attempts_addr (addr, at),
	KEY register_attempts_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
