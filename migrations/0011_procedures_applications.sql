-- Online public services (issue 8): the procedure catalogue, versioned;
-- applications with their timeline and attachments; the working-day
-- calendar.  Every DATETIME is UTC; DATEs are Vietnam's (UTC+7) days.

-- Sectors (lĩnh vực) of procedures, as the national catalogue names them.
CREATE TABLE sectors (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(200) NOT NULL,
	slug		VARCHAR(120) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	UNIQUE KEY sectors_name (name),
	UNIQUE KEY sectors_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A procedure: its national code.  What it says lives in its versions;
-- editing adds a version, and an application keeps the version in force
-- when it was submitted.
CREATE TABLE procedures (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'national code, e.g. 1.001193',
	current_version	INT UNSIGNED NULL COMMENT 'procedure_versions.id in force',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY procedures_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One version of a procedure: every field the law requires of a
-- published procedure.  The structured fields are JSON text: steps (an
-- array of strings), channels (objects: channel, time, fee), documents
-- (objects: name, quantity, and optionally template), legal_basis (an
-- array of strings); eform is the online form (fields and document slots),
-- NULL when the procedure cannot be applied for online here.
CREATE TABLE procedure_versions (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	procedure_id	INT UNSIGNED NOT NULL,
	version		INT UNSIGNED NOT NULL COMMENT '1, 2, ... per procedure',
	name		VARCHAR(500) NOT NULL,
	sector_id	INT UNSIGNED NOT NULL,
	level		VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'level of the deciding body: Cấp xã',
	body		VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'deciding body (cơ quan thực hiện)',
	online_level	ENUM('toan_trinh', 'mot_phan', 'truc_tiep') NOT NULL DEFAULT 'truc_tiep',
	processing_days	SMALLINT UNSIGNED NULL COMMENT 'working days; NULL until published',
	published	TINYINT(1) NOT NULL DEFAULT 0 COMMENT '0: catalogue entry, details to be published by the unit',
	steps		MEDIUMTEXT NOT NULL DEFAULT '[]',
	channels	MEDIUMTEXT NOT NULL DEFAULT '[]',
	documents	MEDIUMTEXT NOT NULL DEFAULT '[]',
	applicants	TEXT NOT NULL DEFAULT '',
	result		TEXT NOT NULL DEFAULT '',
	conditions	TEXT NOT NULL DEFAULT '',
	legal_basis	MEDIUMTEXT NOT NULL DEFAULT '[]',
	fees		TEXT NOT NULL DEFAULT '' COMMENT 'fees and charges, as published',
	eform		MEDIUMTEXT NULL,
	created_by	INT UNSIGNED NULL COMMENT 'NULL: seeded',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY procedure_versions_one (procedure_id, version),
	KEY procedure_versions_sector (sector_id),
	CONSTRAINT procedure_versions_procedure FOREIGN KEY (procedure_id) REFERENCES procedures (id),
	CONSTRAINT procedure_versions_sector FOREIGN KEY (sector_id) REFERENCES sectors (id),
	CONSTRAINT procedure_versions_by FOREIGN KEY (created_by) REFERENCES users (id),
	CONSTRAINT procedure_versions_json CHECK (JSON_VALID(steps) AND JSON_VALID(channels) AND
	    JSON_VALID(documents) AND JSON_VALID(legal_basis) AND (eform IS NULL OR JSON_VALID(eform)))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE procedures
	ADD CONSTRAINT procedures_current FOREIGN KEY (current_version) REFERENCES procedure_versions (id);

-- Days off besides weekends: Vietnam's public holidays (Tết included) and
-- the compensatory days the government announces.  Working-day deadlines
-- are computed with it.
CREATE TABLE holidays (
	day		DATE NOT NULL PRIMARY KEY,
	name		VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The daily sequence of application numbers per unit: one row per unit
-- and day, incremented in the submitting transaction (a rollback takes
-- its number back with it, so there is no gap).
CREATE TABLE application_seq (
	unit_id		INT UNSIGNED NOT NULL,
	day		DATE NOT NULL,
	last		INT UNSIGNED NOT NULL,
	PRIMARY KEY (unit_id, day),
	CONSTRAINT application_seq_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An application (hồ sơ).  A draft has no code and status 0; submitting
-- gives it its code {unit code}-{yyMMdd}-{NNNN} and status 1.  Statuses
-- are the national portal's codes 1-10 (README).  version is the
-- optimistic lock: every change is UPDATE ... WHERE version = ?.
CREATE TABLE applications (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'NULL while a draft',
	procedure_version INT UNSIGNED NOT NULL,
	unit_id		INT UNSIGNED NOT NULL,
	applicant_id	INT UNSIGNED NOT NULL,
	assisted_by	INT UNSIGNED NULL COMMENT 'a digital-technology team member who submitted for the applicant',
	channel		ENUM('online', 'counter', 'post') NOT NULL DEFAULT 'online',
	status		TINYINT UNSIGNED NOT NULL DEFAULT 0 COMMENT '0 draft, 1-10 national codes',
	form_data	MEDIUMTEXT NOT NULL DEFAULT '{}' COMMENT 'the e-form values, JSON',
	idem_key	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'the one-time key of the submitting form',
	submitted_at	DATETIME NULL,
	received_at	DATETIME NULL,
	due_at		DATE NULL COMMENT 'appointment date',
	rating		TINYINT UNSIGNED NULL COMMENT '1-5, after status 10',
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY applications_code (code),
	UNIQUE KEY applications_idem (applicant_id, idem_key),
	KEY applications_applicant (applicant_id, status),
	KEY applications_unit (unit_id, status, submitted_at),
	CONSTRAINT applications_version FOREIGN KEY (procedure_version) REFERENCES procedure_versions (id),
	CONSTRAINT applications_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT applications_applicant FOREIGN KEY (applicant_id) REFERENCES users (id),
	CONSTRAINT applications_assisted FOREIGN KEY (assisted_by) REFERENCES users (id),
	CONSTRAINT applications_status CHECK (status BETWEEN 0 AND 10),
	CONSTRAINT applications_form CHECK (JSON_VALID(form_data)),
	CONSTRAINT applications_rating CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline of an application, append-only: who, when, from -> to,
-- a note (a reason, a message to the applicant).
CREATE TABLE application_events (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id	BIGINT UNSIGNED NOT NULL,
	actor_id	INT UNSIGNED NULL,
	from_status	TINYINT UNSIGNED NOT NULL,
	to_status	TINYINT UNSIGNED NOT NULL,
	note		TEXT NOT NULL DEFAULT '',
	at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY application_events_app (application_id, id),
	CONSTRAINT application_events_app FOREIGN KEY (application_id) REFERENCES applications (id),
	CONSTRAINT application_events_actor FOREIGN KEY (actor_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The files of an application: content-addressed (the file's SHA-256
-- names it in the store, outside the web root), in the document slot of
-- the e-form it answers.
CREATE TABLE attachments (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id	BIGINT UNSIGNED NOT NULL,
	slot		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'the e-form document slot',
	filename	VARCHAR(255) NOT NULL COMMENT 'as the applicant named it',
	sha256		CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	size		INT UNSIGNED NOT NULL,
	mime		VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'sniffed, not declared',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY attachments_app (application_id),
	KEY attachments_sha (sha256),
	CONSTRAINT attachments_app FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The community digital-technology team (tổ công nghệ số cộng đồng): a
-- role held in a unit, like editor, staff and leader.
ALTER TABLE user_roles
	MODIFY role ENUM('resident', 'editor', 'staff', 'leader', 'admin', 'digital') NOT NULL;
