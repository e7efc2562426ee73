/* Statements of the search index (app/search.c): the rows of
 * search_docs, the sources they are made from (one and in batches, in
 * the same columns), and the search itself.  An X-macro list (no include
 * guard): see data/db.h. */
#define DB_SEARCH_SRC_ROW \
	C(U64, unit_id) C(TEXT, title) C(TEXT, body) C(TEXT, url) \
	C(U64, visible) C(TIME, published_at) C(TIME, expires_at)
#define DB_SEARCH_ARTICLE \
  "SELECT a.unit_id, a.title, CONCAT(a.summary, '\n\n', a.body) AS body, " \
  "CONCAT('/don-vi/', u.slug, '/tin-tuc/', a.id, '-', a.slug) AS url, " \
  "a.status = 'published' AND a.published_at IS NOT NULL AS visible, " \
  "a.published_at, a.expires_at, a.id FROM articles a STRAIGHT_JOIN units u " \
  "ON u.id = a.unit_id "
#define DB_SEARCH_DOCUMENT \
  "SELECT d.unit_id, CONCAT(d.number, ' ', d.title) AS title, " \
  "CONCAT_WS(' · ', d.issuer, NULLIF(d.signer, ''), d.summary) AS body, " \
  "CONCAT('/don-vi/', u.slug, '/van-ban/', d.id) AS url, " \
  "d.status = 'published' AND d.published_at IS NOT NULL AS visible, " \
  "d.published_at, CAST(NULL AS DATETIME) AS expires_at, d.id " \
  "FROM documents d STRAIGHT_JOIN units u ON u.id = d.unit_id "
/* The strings of a procedure version's JSON array col (of objects: their
 * member path), " · " between them. */
#define DB_SEARCH_JSON_LINES(col, path) \
  "(SELECT GROUP_CONCAT(j.t SEPARATOR ' · ') FROM JSON_TABLE(" col \
  ", '$[*]' COLUMNS (t TEXT PATH '" path "')) j)"
/* A procedure in force: city-wide (no unit), found by its name, code,
 * sector and every field of its version, " · " between them (the
 * empty ones left out). */
#define DB_SEARCH_PROCEDURE \
  "SELECT CAST(NULL AS UNSIGNED) AS unit_id, v.name AS title, " \
  "CONCAT_WS(' · ', CONCAT('Mã thủ tục ', CONVERT(p.code USING utf8mb4)), " \
  "s.name, NULLIF(v.level, ''), NULLIF(v.body, ''), " \
  "NULLIF(v.applicants, ''), NULLIF(v.result, ''), " \
  "NULLIF(v.conditions, ''), NULLIF(v.fees, ''), " \
  DB_SEARCH_JSON_LINES("v.steps", "$") ", " \
  DB_SEARCH_JSON_LINES("v.documents", "$.name") ", " \
  DB_SEARCH_JSON_LINES("v.legal_basis", "$") ") AS body, " \
  "CONCAT('/thu-tuc/', p.code) AS url, 1 AS visible, " \
  "v.created_at AS published_at, CAST(NULL AS DATETIME) AS expires_at, " \
  "p.id FROM procedures p JOIN procedure_versions v " \
  "ON v.id = p.current_version JOIN sectors s ON s.id = v.sector_id "
Q(SEARCH_ARTICLE_SRC, DB_SEARCH_ARTICLE "WHERE a.id = ?",
  DB_SEARCH_SRC_ROW C(U64, id))
Q(SEARCH_DOCUMENT_SRC, DB_SEARCH_DOCUMENT "WHERE d.id = ?",
  DB_SEARCH_SRC_ROW C(U64, id))
Q(SEARCH_PROCEDURE_SRC, DB_SEARCH_PROCEDURE "WHERE p.id = ?",
  DB_SEARCH_SRC_ROW C(U64, id))
/* The next batch of sources for portalctl search-reindex: after id,
 * at most so many.  The sources drive the join (STRAIGHT_JOIN): a range
 * of their primary key, not a sort of every row of every unit. */
Q(SEARCH_ARTICLE_BATCH, DB_SEARCH_ARTICLE
  "WHERE a.id > ? ORDER BY a.id LIMIT ?", DB_SEARCH_SRC_ROW C(U64, id))
Q(SEARCH_DOCUMENT_BATCH, DB_SEARCH_DOCUMENT
  "WHERE d.id > ? ORDER BY d.id LIMIT ?", DB_SEARCH_SRC_ROW C(U64, id))
Q(SEARCH_PROCEDURE_BATCH, DB_SEARCH_PROCEDURE
  "WHERE p.id > ? ORDER BY p.id LIMIT ?", DB_SEARCH_SRC_ROW C(U64, id))
/* kind, ref_id, unit_id (0: NULL), title, url, the folded title and
 * body, the body (for snippets), visible from, visible to (0: NULL). */
X(SEARCH_PUT,
  "INSERT INTO search_docs (kind, ref_id, unit_id, title, url, "
  "title_folded, body_folded, body, visible_from, visible_to) VALUES "
  "(?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?)) "
  "ON DUPLICATE KEY UPDATE unit_id = VALUE(unit_id), title = VALUE(title), "
  "url = VALUE(url), title_folded = VALUE(title_folded), "
  "body_folded = VALUE(body_folded), body = VALUE(body), "
  "visible_from = VALUE(visible_from), visible_to = VALUE(visible_to)")
X(SEARCH_DROP, "DELETE FROM search_docs WHERE kind = ? AND ref_id = ?")
/* The rows whose source is gone. */
X(SEARCH_PRUNE,
  "DELETE s FROM search_docs s WHERE "
  "(s.kind = 'article' AND NOT EXISTS (SELECT 1 FROM articles a "
  "WHERE a.id = s.ref_id)) OR (s.kind = 'document' AND NOT EXISTS "
  "(SELECT 1 FROM documents d WHERE d.id = s.ref_id)) OR "
  "(s.kind = 'procedure' AND NOT EXISTS (SELECT 1 FROM procedures p "
  "WHERE p.id = s.ref_id AND p.current_version IS NOT NULL))")
/* The search: every word of the query (boolean mode, "+a +b"), in rows
 * visible now, of current units or the whole city; unit (0: any; a unit
 * keeps the city-wide rows), kind ('' any).  Arguments "suuss". */
#define DB_SEARCH_WHERE \
  "FROM search_docs s LEFT JOIN units u ON u.id = s.unit_id WHERE " \
  "MATCH (s.title_folded, s.body_folded) AGAINST (? IN BOOLEAN MODE) " \
  "AND s.visible_from <= UTC_TIMESTAMP() AND (s.visible_to IS NULL OR " \
  "s.visible_to > UTC_TIMESTAMP()) AND (s.unit_id IS NULL OR " \
  "u.valid_to IS NULL) AND (? = 0 OR s.unit_id = ? OR s.unit_id IS NULL) " \
  "AND (? = '' OR s.kind = ?)"
/* A page of hits, best first, each with the number of hits in all
 * (total: counted in the same pass as the ranking, COUNT(*) OVER (),
 * rather than by SEARCH_COUNT running the FULLTEXT search and reading
 * every matching row a second time, as much again with common words:
 * "khai sinh" matches 16,678 of 100,000 articles): " phrase " (the folded
 * query, a space on both sides), the boolean query, " phrase " again, the
 * where's arguments, the folded words, the boolean query, limit, offset.
 * Ranked by tiers:
 * the phrase in the title (3), every word in the title (2), the phrase
 * in the body (1), words apart (0); in the title tiers the shorter title
 * first (of two that hold the phrase, the closer); then MariaDB's
 * relevance in the title (natural: any word), then in both (the
 * where's own MATCH, computed once: a natural one over both columns
 * cost as much again, tests/bench/search); then the newest. */
#define DB_SEARCH_HIT \
  "SELECT s.kind, s.ref_id, s.title, s.url, s.body, s.visible_from, " \
  "IFNULL(u.kind, '') AS unit_kind, IFNULL(u.name, '') AS unit_name, "
#define DB_SEARCH_TIER \
  "CASE WHEN LOCATE(?, CONCAT(' ', s.title_folded, ' ')) > 0 THEN 3 " \
  "WHEN MATCH (s.title_folded) AGAINST (? IN BOOLEAN MODE) > 0 THEN 2 " \
  "WHEN LOCATE(?, CONCAT(' ', s.body_folded, ' ')) > 0 THEN 1 " \
  "ELSE 0 END AS tier, COUNT(*) OVER () AS total "
#define DB_SEARCH_HIT_ROW \
  C(TEXT, kind) C(U64, ref_id) C(TEXT, title) C(TEXT, url) C(TEXT, body) \
  C(TIME, visible_from) C(TEXT, unit_kind) C(TEXT, unit_name) \
  C(I64, tier) C(I64, total)
Q(SEARCH_FIND, DB_SEARCH_HIT DB_SEARCH_TIER
  DB_SEARCH_WHERE " ORDER BY tier DESC, "
  "IF(tier >= 2, LENGTH(s.title_folded), 0), "
  "MATCH (s.title_folded) AGAINST (?) DESC, "
  "MATCH (s.title_folded, s.body_folded) AGAINST (? IN BOOLEAN MODE) DESC, "
  "s.visible_from DESC, s.kind, s.ref_id DESC LIMIT ? OFFSET ?",
  DB_SEARCH_HIT_ROW)
/* How many hits in all, for a page past the last (SEARCH_FIND has no row
 * to tell). */
Q(SEARCH_COUNT, "SELECT COUNT(*) AS n " DB_SEARCH_WHERE, C(I64, n))
/* The key of a kept result (search_results): the generation of the
 * index, the units that are current, the boolean query, unit and kind
 * (arguments "sus"), as SHA-256 in hex. */
#define DB_SEARCH_KEY \
  "CONVERT(SHA2(CONCAT_WS('|', (SELECT gen FROM search_state WHERE id = 1), " \
  "(SELECT GROUP_CONCAT(id ORDER BY id) FROM units WHERE valid_to IS NULL), " \
  "?, ?, ?), 256) USING ascii)"
/* The key of a search (arguments "sus") and its kept result, if one is
 * valid: kept 1 and its total. */
Q(SEARCH_KEPT, "SELECT k.query_key, r.query_key IS NOT NULL AS kept, "
  "CAST(IFNULL(r.total, 0) AS SIGNED) AS total FROM (SELECT " DB_SEARCH_KEY
  " AS query_key) k "
  "LEFT JOIN search_results r ON r.query_key = k.query_key AND "
  "r.valid_until > UTC_TIMESTAMP()",
  C(TEXT, query_key) C(I64, kept) C(I64, total))
/* One search of a key at a time (MariaDB's named locks): the others
 * wait for it, up to 10 s, then find it kept, instead of all running
 * the same FULLTEXT search at once (32 of them took a minute each). */
Q(SEARCH_LOCK, "SELECT IFNULL(GET_LOCK(?, 10), 0) AS locked", C(I64, locked))
Q(SEARCH_UNLOCK, "SELECT IFNULL(RELEASE_LOCK(?), 0) AS released",
  C(I64, released))
/* A search made to be kept: its key (arguments "sus"), the number of
 * hits, the first so many as JSON [[kind, ref_id], ...] in SEARCH_FIND's
 * order (its arguments but the folded words come before the boolean
 * query, and one limit), and the moment it stops being valid: the next
 * at which a row of the index appears or disappears (an hour at most). */
Q(SEARCH_RANK,
  "SELECT " DB_SEARCH_KEY " AS query_key, IFNULL(MAX(h.total), 0) AS total, "
  "IFNULL(JSON_ARRAYAGG(JSON_ARRAY(h.kind, h.ref_id) ORDER BY h.tier DESC, "
  "IF(h.tier >= 2, h.tlen, 0), h.rel_title DESC, h.rel DESC, "
  "h.visible_from DESC, h.kind_n, h.ref_id DESC), '[]') AS hits, "
  "LEAST(IFNULL((SELECT MIN(visible_from) FROM search_docs WHERE "
  "visible_from > UTC_TIMESTAMP()), UTC_TIMESTAMP() + INTERVAL 1 HOUR), "
  "IFNULL((SELECT MIN(visible_to) FROM search_docs WHERE "
  "visible_to > UTC_TIMESTAMP()), UTC_TIMESTAMP() + INTERVAL 1 HOUR), "
  "UTC_TIMESTAMP() + INTERVAL 1 HOUR) AS valid_until "
  "FROM (SELECT s.kind, s.kind + 0 AS kind_n, s.ref_id, s.visible_from, "
  "LENGTH(s.title_folded) AS tlen, " DB_SEARCH_TIER ", "
  "MATCH (s.title_folded) AGAINST (?) AS rel_title, "
  "MATCH (s.title_folded, s.body_folded) AGAINST (? IN BOOLEAN MODE) AS rel "
  DB_SEARCH_WHERE " ORDER BY tier DESC, "
  "IF(tier >= 2, LENGTH(s.title_folded), 0), rel_title DESC, rel DESC, "
  "s.visible_from DESC, s.kind, s.ref_id DESC LIMIT ?) h",
  C(TEXT, query_key) C(I64, total) C(TEXT, hits) C(TIME, valid_until))
/* Keeps a search: key, total, hits, valid until (replacing one of the
 * same key whose time was over). */
X(SEARCH_KEEP,
  "INSERT INTO search_results (query_key, total, hits, valid_until, "
  "created_at) VALUES (?, ?, ?, FROM_UNIXTIME(?), UTC_TIMESTAMP()) "
  "ON DUPLICATE KEY UPDATE total = VALUE(total), hits = VALUE(hits), "
  "valid_until = VALUE(valid_until), created_at = VALUE(created_at)")
/* Drops a few kept searches that are no longer valid (each search kept
 * drops some: the table holds at most an hour's searches). */
X(SEARCH_KEEP_AGE,
  "DELETE FROM search_results WHERE valid_until <= UTC_TIMESTAMP() "
  "ORDER BY valid_until LIMIT 4")
/* The hits of a kept search (its key) from position after to position
 * last (from 1), in its order; the rows of SEARCH_FIND (tier 0). */
Q(SEARCH_KEPT_PAGE, DB_SEARCH_HIT "0 AS tier, r.total "
  "FROM search_results r JOIN JSON_TABLE(r.hits, '$[*]' COLUMNS ("
  "pos FOR ORDINALITY, hk VARCHAR(9) PATH '$[0]', "
  "hid BIGINT UNSIGNED PATH '$[1]')) j JOIN search_docs s ON "
  "s.kind = j.hk AND s.ref_id = j.hid LEFT JOIN units u ON u.id = s.unit_id "
  "WHERE r.query_key = ? AND j.pos > ? AND j.pos <= ? ORDER BY j.pos",
  DB_SEARCH_HIT_ROW)
