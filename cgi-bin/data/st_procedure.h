/* Statements of the procedure catalogue (issue 8): the procedures in
 * force with their sectors, one procedure with its current version, the
 * versions, and the writes of seeding and editing (app/procedure.c).
 * An X-macro list (no include guard): see data/db.h for Q, QL, X and C. */
#define DB_PROC_FROM \
	"procedures p JOIN procedure_versions v ON v.id = p.current_version " \
	"JOIN sectors s ON s.id = v.sector_id"
/* The catalogue's filter, arguments "sssssss": the search (or ''), its
 * LIKE pattern twice (data/db.c db_like), the sector's slug twice (or
 * ''), the online level twice (or '').  utf8mb4_unicode_ci compares
 * Vietnamese letters without their tones and marks (ă = a, ế = e), but
 * not đ with d: both sides write đ as d, so that "dang ky" finds "đăng
 * ký" (REPLACE compares bytes, hence đ and Đ each).  The code is ASCII:
 * converted, so that a search in Vietnamese is no illegal mix. */
#define DB_PROC_FOLD(x) "REPLACE(REPLACE(" x ", 'đ', 'd'), 'Đ', 'D')"
#define DB_PROC_MATCH \
	"(? = '' OR " DB_PROC_FOLD("v.name") " LIKE " DB_PROC_FOLD("?") \
	" OR CONVERT(p.code USING utf8mb4) LIKE ?) AND " \
	"(? = '' OR s.slug = ?) AND " \
	"(? = '' OR v.online_level = ?)"
#define DB_PROC_ORDER \
	"s.name COLLATE utf8mb4_vietnamese_ci, " \
	"v.name COLLATE utf8mb4_vietnamese_ci, p.code"
#define DB_PROC_ITEM_COLS \
	"p.code, v.name, s.name AS sector, s.slug AS sector_slug, " \
	"v.online_level, v.processing_days, v.published"
#define DB_PROC_ITEM_ROW \
	C(TEXT, code) C(TEXT, name) C(TEXT, sector) C(TEXT, sector_slug) \
	C(TEXT, online_level) C(U64, processing_days) C(U64, published)

/* One page of the catalogue: the filter's arguments, then limit, offset. */
Q(PROC_LIST,
  "SELECT " DB_PROC_ITEM_COLS " FROM " DB_PROC_FROM " WHERE "
  DB_PROC_MATCH " ORDER BY " DB_PROC_ORDER " LIMIT ? OFFSET ?",
  DB_PROC_ITEM_ROW)
Q(PROC_COUNT,
  "SELECT COUNT(*) AS n FROM " DB_PROC_FROM " WHERE " DB_PROC_MATCH,
  C(I64, n))
/* The sectors that have procedures in force, with how many. */
Q(PROC_SECTORS,
  "SELECT s.name, s.slug, COUNT(*) AS n FROM " DB_PROC_FROM
  " GROUP BY s.id, s.name, s.slug "
  "ORDER BY s.name COLLATE utf8mb4_vietnamese_ci",
  C(TEXT, name) C(TEXT, slug) C(I64, n))
Q(SECTOR_BY_SLUG,
  "SELECT id, name, slug FROM sectors WHERE slug = ?",
  C(U64, id) C(TEXT, name) C(TEXT, slug))
Q(SECTORS_ALL,
  "SELECT id, name, slug FROM sectors "
  "ORDER BY name COLLATE utf8mb4_vietnamese_ci",
  C(U64, id) C(TEXT, name) C(TEXT, slug))
/* A procedure by its code, with the version in force (every field). */
#define DB_PROC_GET \
	"SELECT p.id, p.code, v.id AS version_id, v.version, v.name, " \
	"s.name AS sector, s.slug AS sector_slug, v.level, v.body, " \
	"v.online_level, v.processing_days, v.published, v.steps, " \
	"v.channels, v.documents, v.applicants, v.result, v.conditions, " \
	"v.legal_basis, v.fees, v.eform, v.created_at FROM " DB_PROC_FROM \
	" WHERE p.code = ?"
#define DB_PROC_GET_ROW \
	C(U64, id) C(TEXT, code) C(U64, version_id) C(U64, version) \
	C(TEXT, name) C(TEXT, sector) C(TEXT, sector_slug) C(TEXT, level) \
	C(TEXT, body) C(TEXT, online_level) C(U64, processing_days) \
	C(U64, published) C(TEXT, steps) C(TEXT, channels) \
	C(TEXT, documents) C(TEXT, applicants) C(TEXT, result) \
	C(TEXT, conditions) C(TEXT, legal_basis) C(TEXT, fees) \
	C(TEXT, eform) C(TIME, created_at)
Q(PROC_GET, DB_PROC_GET, DB_PROC_GET_ROW)
/* The same inside the editing transaction, the procedure's row locked:
 * one editor at a time adds a version. */
QL(PROC_GET_LOCKED, DB_PROC_GET " FOR UPDATE", DB_PROC_GET_ROW)
/* Every version of a procedure, newest first, with who made it. */
Q(PROC_VERSIONS,
  "SELECT v.version, v.name, v.published, v.created_at, "
  "IFNULL(u.full_name, '') AS author FROM procedure_versions v "
  "LEFT JOIN users u ON u.id = v.created_by WHERE v.procedure_id = ? "
  "ORDER BY v.version DESC",
  C(U64, version) C(TEXT, name) C(U64, published) C(TIME, created_at)
  C(TEXT, author))
/* The newest version's number (a procedure in force has one at least). */
Q(PROC_LAST_VERSION,
  "SELECT version AS last FROM procedure_versions WHERE procedure_id = ? "
  "ORDER BY version DESC LIMIT 1", C(U64, last))
/* A sector by name (the seed's); its id as the insert id either way. */
X(SECTOR_UPSERT,
  "INSERT INTO sectors (name, slug) VALUES (?, ?) "
  "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
/* A procedure's code; nothing (0 rows) when the code is known. */
X(PROC_INSERT, "INSERT IGNORE INTO procedures (code) VALUES (?)")
/* A version: procedure, version, name, sector, level, body, online level,
 * processing days (0: NULL), published, steps, channels, documents,
 * applicants, result, conditions, legal basis, fees, eform, author. */
X(PROC_VERSION_INSERT,
  "INSERT INTO procedure_versions (procedure_id, version, name, "
  "sector_id, level, body, online_level, processing_days, published, "
  "steps, channels, documents, applicants, result, conditions, "
  "legal_basis, fees, eform, created_by) "
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
X(PROC_SET_CURRENT,
  "UPDATE procedures SET current_version = ? WHERE id = ?")
