-- Accounts, roles per unit, sessions, sign-in throttling, password
-- resets and the audit log.  All times are UTC.

CREATE TABLE users (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	full_name	VARCHAR(100) NOT NULL,
	phone		VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT '0xxxxxxxxx',
	email		VARCHAR(254) CHARACTER SET ascii COLLATE ascii_general_ci NULL,
	id_sealed	VARCHAR(120) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'personal ID, secretbox',
	id_index	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'keyed hash of the ID',
	id_last4	CHAR(4) CHARACTER SET ascii COLLATE ascii_bin NULL,
	pw_hash		VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
	status		ENUM('active', 'disabled') NOT NULL DEFAULT 'active',
	failed_logins	INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'consecutive',
	locked_until	DATETIME NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY users_phone (phone),
	UNIQUE KEY users_email (email),
	UNIQUE KEY users_id_index (id_index),
	KEY users_name (full_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A role other than resident and admin is held in one unit.
CREATE TABLE user_roles (
	user_id		INT UNSIGNED NOT NULL,
	role		ENUM('resident', 'editor', 'staff', 'leader', 'admin') NOT NULL,
	unit_id		INT UNSIGNED NULL,
	unit_key	INT UNSIGNED AS (COALESCE(unit_id, 0)) PERSISTENT,
	granted_by	INT UNSIGNED NULL,
	granted_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY user_roles_one (user_id, role, unit_key),
	KEY user_roles_unit (unit_id, role),
	CONSTRAINT user_roles_user FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT user_roles_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT user_roles_scope CHECK ((role IN ('resident', 'admin')) = (unit_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The session id itself never reaches the database: only its SHA-256.
CREATE TABLE sessions (
	id_hash		CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY COMMENT 'hex SHA-256',
	user_id		INT UNSIGNED NULL COMMENT 'NULL: not signed in yet',
	csrf		CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	last_seen	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	addr		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
	user_agent	VARCHAR(200) NOT NULL DEFAULT '',
	KEY sessions_user (user_id),
	KEY sessions_last_seen (last_seen),
	CONSTRAINT sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins, per account and per source address, for throttling.
CREATE TABLE login_failures (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		INT UNSIGNED NULL,
	addr		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	at		DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY login_failures_addr (addr, at),
	KEY login_failures_user (user_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE password_resets (
	token_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY COMMENT 'hex SHA-256',
	user_id		INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	KEY password_resets_user (user_id),
	CONSTRAINT password_resets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: the application's database user may insert and read only
-- (production grants; see README).
CREATE TABLE audit_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	actor_id	INT UNSIGNED NULL,
	action		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	object_type	VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	object_id	VARCHAR(64) NOT NULL,
	detail		VARCHAR(500) NOT NULL DEFAULT '',
	addr		VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
	KEY audit_object (object_type, object_id, at),
	KEY audit_actor (actor_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
