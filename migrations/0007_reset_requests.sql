-- Password-reset requests waiting for the jobs process.  The web request
-- only queues the address it was given (the same one INSERT whether or not
-- an account has it, so that neither the answer nor its time tells); the
-- jobs process looks the account up, writes the reset link, its mail and
-- its audit row, and deletes the request, in one transaction (app/reset.c).
-- (0006 is taken by the sign-in lockout's migration on main.)
CREATE TABLE reset_requests (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	email		VARCHAR(254) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
	addr		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '' COMMENT 'who asked',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'UTC'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
