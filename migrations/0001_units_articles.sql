-- Units (phường/xã) and their news.  Units are versioned: a unit that
-- merged keeps its row (valid_to set, successor_id pointing at the new
-- unit), so that everything published under it keeps its address.
CREATE TABLE units (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		CHAR(5) NOT NULL COMMENT 'national administrative unit code',
	kind		ENUM('phuong', 'xa') NOT NULL,
	name		VARCHAR(100) NOT NULL COMMENT 'without the kind: Bãi Bông',
	slug		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	valid_from	DATE NOT NULL,
	valid_to	DATE NULL,
	successor_id	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY units_slug (slug),
	KEY units_code (code),
	KEY units_current (valid_to, kind, name),
	CONSTRAINT units_successor FOREIGN KEY (successor_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Host names that serve a unit's website at their root.
CREATE TABLE unit_hosts (
	host		VARCHAR(253) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	CONSTRAINT unit_hosts_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE articles (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	kind		ENUM('news', 'announcement') NOT NULL DEFAULT 'news',
	status		ENUM('draft', 'published', 'archived') NOT NULL DEFAULT 'draft',
	slug		VARCHAR(120) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	title		VARCHAR(300) NOT NULL,
	summary		VARCHAR(1000) NOT NULL DEFAULT '',
	body		MEDIUMTEXT NOT NULL,
	published_at	DATETIME NULL COMMENT 'UTC',
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY articles_unit_slug (unit_id, slug),
	KEY articles_unit_feed (unit_id, status, published_at),
	KEY articles_feed (status, published_at),
	CONSTRAINT articles_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
