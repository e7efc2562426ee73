-- Notifications waiting to be delivered.  A row is written in the same
-- transaction as the change it announces; the mailer process claims due
-- rows (status pending, or sending with an expired claim), delivers them
-- and records the outcome, retrying with back-off.  Every DATETIME is UTC.
CREATE TABLE outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('email', 'sms') NOT NULL DEFAULT 'email',
	recipient	VARCHAR(254) NOT NULL COMMENT 'address or phone number',
	subject		VARCHAR(300) NOT NULL,
	body		MEDIUMTEXT NOT NULL,
	status		ENUM('pending', 'sending', 'sent', 'failed') NOT NULL DEFAULT 'pending',
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	next_attempt_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'UTC',
	claimed_until	DATETIME NULL COMMENT 'UTC; a sender holds the row until then',
	last_error	VARCHAR(500) NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'UTC',
	sent_at		DATETIME NULL COMMENT 'UTC',
	KEY outbox_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
