-- An email is used (sign-in, password reset, notifications) only once its
-- owner has followed a confirmation link sent to it.  Addresses on file
-- before this migration were never confirmed: they stay unconfirmed until
-- their owners confirm them from /tai-khoan.  Every DATETIME is UTC.
ALTER TABLE users
	ADD COLUMN email_verified_at DATETIME NULL COMMENT 'UTC; NULL: not confirmed by its owner' AFTER email;

-- A confirmation link: only the SHA-256 of its token is kept.  It
-- confirms the one address it was sent to, and only while that address
-- is still the account's; single-use, expiring.
CREATE TABLE email_confirmations (
	token_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY COMMENT 'hex SHA-256',
	user_id		INT UNSIGNED NOT NULL,
	email		VARCHAR(254) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	KEY email_confirmations_user (user_id),
	CONSTRAINT email_confirmations_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
