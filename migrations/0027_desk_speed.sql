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

-- The desk's counts by status (/mot-cua/: the unit's count of each
-- status above the queue, and the number of matches when the queue is
-- filtered by status alone or not at all) counted the unit's keys on
-- every page: 55,000 index entries a unit with a million applications.
-- They are kept instead, a row a unit and status: n applications, nodue
-- of them without an appointment date.  The triggers below change them
-- in the transaction that changes the application, so they are exact
-- whenever read; an update that changes neither the unit, the status
-- nor whether there is an appointment date touches nothing (the desk's
-- notes, versions, mark-late).  Two rows are always changed in the order
-- of (unit, status), so that two transactions moving applications in
-- opposite directions (4 -> 5 and 5 -> 4) never wait for each other
-- crosswise.
CREATE TABLE application_counts (
	unit_id		INT UNSIGNED NOT NULL,
	status		TINYINT UNSIGNED NOT NULL,
	n		INT NOT NULL,
	nodue		INT NOT NULL COMMENT 'of n, those whose due_at is NULL',
	PRIMARY KEY (unit_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER application_counts_insert AFTER INSERT ON applications
FOR EACH ROW
	INSERT INTO application_counts (unit_id, status, n, nodue)
	VALUES (NEW.unit_id, NEW.status, 1, NEW.due_at IS NULL)
	ON DUPLICATE KEY UPDATE n = n + 1, nodue = nodue + VALUE(nodue);

CREATE TRIGGER application_counts_delete AFTER DELETE ON applications
FOR EACH ROW
	UPDATE application_counts SET n = n - 1,
		nodue = nodue - (OLD.due_at IS NULL)
	WHERE unit_id = OLD.unit_id AND status = OLD.status;

CREATE TRIGGER application_counts_update AFTER UPDATE ON applications
FOR EACH ROW
BEGIN
	IF OLD.unit_id <> NEW.unit_id OR OLD.status <> NEW.status OR
	    (OLD.due_at IS NULL) <> (NEW.due_at IS NULL) THEN
		IF (OLD.unit_id, OLD.status) < (NEW.unit_id, NEW.status) THEN
			UPDATE application_counts SET n = n - 1,
				nodue = nodue - (OLD.due_at IS NULL)
			WHERE unit_id = OLD.unit_id AND status = OLD.status;
		END IF;
		INSERT INTO application_counts (unit_id, status, n, nodue)
		VALUES (NEW.unit_id, NEW.status, 1, NEW.due_at IS NULL)
		ON DUPLICATE KEY UPDATE n = n + 1,
			nodue = nodue + VALUE(nodue);
		IF (OLD.unit_id, OLD.status) >= (NEW.unit_id, NEW.status) THEN
			UPDATE application_counts SET n = n - 1,
				nodue = nodue - (OLD.due_at IS NULL)
			WHERE unit_id = OLD.unit_id AND status = OLD.status;
		END IF;
	END IF;
END;

-- The counts of the applications there are, made again from them while
-- no one changes them (the triggers count from now on; what they counted
-- before the lock is in the table's new rows too).
LOCK TABLES applications READ, application_counts WRITE;
DELETE FROM application_counts;
INSERT INTO application_counts (unit_id, status, n, nodue)
	SELECT unit_id, status, COUNT(*), SUM(due_at IS NULL)
	FROM applications GROUP BY unit_id, status;
UNLOCK TABLES;
