-- Speed of the signed-in pages and of tracking (issue 13).

-- Public tracking counted each lookup as a row of track_attempts and then
-- counted the address's rows of the hour: the cost of a lookup grew with
-- the lookups of the hour (refused ones too, so a flood made every
-- lookup slower, and the table grew by a row a request).  A lookup now
-- adds 1 to its address's row of the minute: at most 61 rows an address
-- are summed, whatever the flood.  A minute's lookups count for at least
-- an hour (until its minute + 61 minutes).  The lookups of the last hour
-- are carried over, so that the bound holds across the upgrade.
CREATE TABLE track_counts (
	addr		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	minute		DATETIME NOT NULL COMMENT 'the minute (UTC) of the lookups',
	n		INT UNSIGNED NOT NULL,
	PRIMARY KEY (addr, minute),
	KEY track_counts_minute (minute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO track_counts (addr, minute, n)
	SELECT addr, DATE_FORMAT(at, '%Y-%m-%d %H:%i:00'), COUNT(*)
	FROM track_attempts WHERE at > UTC_TIMESTAMP() - INTERVAL 1 HOUR
	GROUP BY 1, 2;

DROP TABLE track_attempts;
