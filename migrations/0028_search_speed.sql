-- Search over 100,000 articles (issue 13): the ranked hits of a query are
-- kept, so that a query asked again, or its next page, is a lookup and
-- not MariaDB's FULLTEXT search again.  The profile of a common query
-- ("khai sinh": 16,678 hits of 100,000 articles) was the FULLTEXT search
-- itself and the reading of every matching row to rank them, a few
-- hundred ms whatever the page; a kept result is read in well under one.
--
-- A kept result is right while nothing it was made from has changed:
-- its key holds the generation of the index (search_state.gen, which a
-- trigger moves on any change of search_docs, by the application or by
-- hand), the units that are current, the query and its filters; it
-- lasts until the next moment a row of the index appears or disappears
-- (valid_until: the next visible_from or visible_to to come, an hour at
-- most), and is dropped once it is over (app/search.c).
CREATE TABLE search_state (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	gen		BIGINT UNSIGNED NOT NULL COMMENT 'moves on every change of search_docs'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO search_state (id, gen) VALUES (1, 0);

CREATE TABLE search_results (
	query_key	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY COMMENT 'SHA-256 of the generation, the current units, the query, unit and kind',
	total		INT UNSIGNED NOT NULL COMMENT 'hits in all',
	hits		MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'JSON [[kind, ref_id], ...], best first: the first pages',
	valid_until	DATETIME NOT NULL,
	created_at	DATETIME NOT NULL,
	KEY search_results_valid (valid_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER search_docs_gen_insert AFTER INSERT ON search_docs FOR EACH ROW
	UPDATE search_state SET gen = gen + 1 WHERE id = 1;
CREATE TRIGGER search_docs_gen_update AFTER UPDATE ON search_docs FOR EACH ROW
	UPDATE search_state SET gen = gen + 1 WHERE id = 1;
CREATE TRIGGER search_docs_gen_delete AFTER DELETE ON search_docs FOR EACH ROW
	UPDATE search_state SET gen = gen + 1 WHERE id = 1;

-- The next moment a row appears or disappears, by index.
ALTER TABLE search_docs
	ADD KEY search_docs_from (visible_from),
	ADD KEY search_docs_to (visible_to);
