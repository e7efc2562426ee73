-- Tracking and the resident's applications (issue 8, part "tracking").

-- Every public tracking lookup (/tra-cuu, /api/v1/track), answered or
-- not: a code with the wrong digits tells nothing, but a flood of guesses
-- of the last four digits would, so lookups count against the address
-- that makes them ([security] track_addr_limit an hour).
CREATE TABLE track_attempts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	addr		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY track_attempts_addr (addr, at),
	KEY track_attempts_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The applicant's rating of the service (applications.rating, 1-5, once,
-- after the result is returned) comes with an optional comment and its
-- time.
ALTER TABLE applications
	ADD COLUMN rating_comment TEXT NULL COMMENT 'the applicant''s words with the rating' AFTER rating,
	ADD COLUMN rated_at DATETIME NULL AFTER rating_comment;
