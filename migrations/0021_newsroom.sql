-- The ward websites and the newsroom (issue 11): the shared schema of the
-- editorial workflow, the units' content (documents, the leaders'
-- schedule, introduction pages, contacts, questions) and the search index.
-- Every DATETIME is UTC; a DATE is the city's day.

-- A unit may let its editors publish without the leader's approval.
ALTER TABLE units
	ADD self_publish TINYINT(1) NOT NULL DEFAULT 0 COMMENT 'editors publish without the leader',
	ADD KEY units_successor_of (successor_id);

-- Categories of a unit's articles (Tin hoạt động, An ninh - trật tự, ...).
CREATE TABLE categories (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	slug		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	name		VARCHAR(100) NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY categories_unit_slug (unit_id, slug),
	KEY categories_unit (unit_id, position),
	CONSTRAINT categories_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Images and PDFs of the newsroom: content-addressed in the file store
-- (outside the web root); an image has a resized copy for listings.
CREATE TABLE media (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	sha256		CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	size		INT UNSIGNED NOT NULL,
	mime		VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'sniffed, not declared',
	width		SMALLINT UNSIGNED NULL,
	height		SMALLINT UNSIGNED NULL,
	thumb_sha256	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'the resized copy of an image',
	thumb_size	INT UNSIGNED NULL,
	filename	VARCHAR(255) NOT NULL DEFAULT '' COMMENT 'as the editor named it',
	uploaded_by	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	UNIQUE KEY media_unit_sha (unit_id, sha256),
	KEY media_sha (sha256),
	KEY media_thumb (thumb_sha256),
	CONSTRAINT media_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT media_user FOREIGN KEY (uploaded_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The editorial workflow: draft -> submitted -> published (by the leader,
-- or by an editor where the unit allows it), or returned with a comment;
-- published may be unpublished.  A scheduled article is published with
-- published_at in the future.  An announcement can be pinned and expire.
-- version is the optimistic lock of the editor's form.
ALTER TABLE articles
	MODIFY status ENUM('draft', 'submitted', 'returned', 'published', 'unpublished', 'archived') NOT NULL DEFAULT 'draft',
	ADD category_id INT UNSIGNED NULL AFTER kind,
	ADD lead_media_id BIGINT UNSIGNED NULL,
	ADD lead_alt VARCHAR(300) NOT NULL DEFAULT '' COMMENT 'required with a lead image',
	ADD pinned TINYINT(1) NOT NULL DEFAULT 0,
	ADD expires_at DATETIME NULL COMMENT 'an announcement stops showing',
	ADD author_id INT UNSIGNED NULL,
	ADD published_by INT UNSIGNED NULL,
	ADD review_note VARCHAR(2000) NOT NULL DEFAULT '' COMMENT 'the comment of a return',
	ADD version INT UNSIGNED NOT NULL DEFAULT 1,
	ADD KEY articles_unit_kind (unit_id, kind, status, published_at),
	ADD KEY articles_category (category_id, status, published_at),
	ADD CONSTRAINT articles_category FOREIGN KEY (category_id) REFERENCES categories (id),
	ADD CONSTRAINT articles_lead FOREIGN KEY (lead_media_id) REFERENCES media (id),
	ADD CONSTRAINT articles_author FOREIGN KEY (author_id) REFERENCES users (id),
	ADD CONSTRAINT articles_publisher FOREIGN KEY (published_by) REFERENCES users (id);

-- Every save of an article, append-only: the diff view and restore.
CREATE TABLE article_revisions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	article_id	BIGINT UNSIGNED NOT NULL,
	editor_id	INT UNSIGNED NULL,
	title		VARCHAR(300) NOT NULL,
	summary		VARCHAR(1000) NOT NULL DEFAULT '',
	body		MEDIUMTEXT NOT NULL,
	status		VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'the article status after the save',
	note		VARCHAR(2000) NOT NULL DEFAULT '',
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	KEY article_revisions_article (article_id, id),
	CONSTRAINT article_revisions_article FOREIGN KEY (article_id) REFERENCES articles (id),
	CONSTRAINT article_revisions_editor FOREIGN KEY (editor_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Legal and directive documents (văn bản): number and symbol
-- ("15/2026/QĐ-UBND"), issued, issuer, type, summary, effective date, the
-- PDF (a media row of kind PDF).
CREATE TABLE documents (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	number		VARCHAR(60) NOT NULL COMMENT 'số và ký hiệu',
	doc_type	ENUM('quyet-dinh', 'chi-thi', 'ke-hoach', 'thong-bao', 'cong-van', 'nghi-quyet', 'bao-cao', 'khac') NOT NULL,
	issuer		VARCHAR(200) NOT NULL COMMENT 'cơ quan ban hành',
	signer		VARCHAR(100) NOT NULL DEFAULT '',
	issued_on	DATE NOT NULL,
	effective_on	DATE NULL,
	title		VARCHAR(500) NOT NULL COMMENT 'trích yếu',
	summary		TEXT NOT NULL DEFAULT '',
	pdf_media_id	BIGINT UNSIGNED NULL,
	status		ENUM('draft', 'published', 'unpublished') NOT NULL DEFAULT 'draft',
	published_at	DATETIME NULL,
	created_by	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	KEY documents_unit (unit_id, status, issued_on),
	KEY documents_unit_type (unit_id, status, doc_type, issued_on),
	CONSTRAINT documents_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT documents_pdf FOREIGN KEY (pdf_media_id) REFERENCES media (id),
	CONSTRAINT documents_user FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The leaders' weekly work schedule (lịch công tác); times are the
-- city's local time, as the schedule is printed.
CREATE TABLE schedule_items (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	starts_at	DATETIME NOT NULL COMMENT 'local time',
	content		VARCHAR(1000) NOT NULL,
	place		VARCHAR(300) NOT NULL DEFAULT '',
	presider	VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'chủ trì',
	participants	VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'thành phần',
	created_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	KEY schedule_items_unit (unit_id, starts_at),
	CONSTRAINT schedule_items_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT schedule_items_user FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A unit's pages: the introduction (organisation, duties, leaders, area),
-- in Markdown.
CREATE TABLE unit_pages (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	slug		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	title		VARCHAR(300) NOT NULL,
	body		MEDIUMTEXT NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	UNIQUE KEY unit_pages_slug (unit_id, slug),
	CONSTRAINT unit_pages_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT unit_pages_user FOREIGN KEY (updated_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The contacts directory: the office, leaders with official contacts, the
-- one-stop shop and its hours.
CREATE TABLE contacts (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	position	SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	title		VARCHAR(200) NOT NULL COMMENT 'Chủ tịch UBND, Văn phòng, Bộ phận một cửa',
	person		VARCHAR(100) NOT NULL DEFAULT '',
	phone		VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
	email		VARCHAR(254) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL DEFAULT '',
	address		VARCHAR(300) NOT NULL DEFAULT '',
	hours		VARCHAR(300) NOT NULL DEFAULT '' COMMENT 'giờ làm việc',
	KEY contacts_unit (unit_id, position),
	CONSTRAINT contacts_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Questions and answers (hỏi đáp): a resident asks (signed in, or with an
-- email confirmed by a link); an editor answers and publishes.
CREATE TABLE questions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	unit_id		INT UNSIGNED NOT NULL,
	user_id		INT UNSIGNED NULL,
	asker_name	VARCHAR(100) NOT NULL,
	email		VARCHAR(254) CHARACTER SET ascii COLLATE ascii_general_ci NULL,
	confirm_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'hex SHA-256 of the mailed token',
	title		VARCHAR(300) NOT NULL,
	question	TEXT NOT NULL,
	answer		TEXT NOT NULL DEFAULT '',
	status		ENUM('unconfirmed', 'new', 'answered', 'published', 'hidden') NOT NULL,
	answered_by	INT UNSIGNED NULL,
	answered_at	DATETIME NULL,
	published_at	DATETIME NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	KEY questions_unit (unit_id, status, published_at),
	KEY questions_confirm (confirm_hash),
	CONSTRAINT questions_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT questions_user FOREIGN KEY (user_id) REFERENCES users (id),
	CONSTRAINT questions_answerer FOREIGN KEY (answered_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The search index: one row per published article, document and
-- procedure, its words folded (no diacritics, lower case, đ -> d) by
-- app/search.c, so that "dac son", "Đắc Sơn" and "ĐẮC SƠN" are one query.
-- A row is visible between visible_from and visible_to (scheduled,
-- expiring), so that the index need not change at those moments.
CREATE TABLE search_docs (
	kind		ENUM('article', 'document', 'procedure') NOT NULL,
	ref_id		BIGINT UNSIGNED NOT NULL,
	unit_id		INT UNSIGNED NULL COMMENT 'NULL: the whole city (procedures)',
	title		VARCHAR(500) NOT NULL,
	url		VARCHAR(300) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	title_folded	VARCHAR(500) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
	body_folded	MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
	visible_from	DATETIME NOT NULL,
	visible_to	DATETIME NULL,
	PRIMARY KEY (kind, ref_id),
	KEY search_docs_unit (unit_id, kind),
	FULLTEXT KEY search_docs_text (title_folded, body_folded),
	CONSTRAINT search_docs_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
