/* Statements of the public websites: units and their published news.
 * An X-macro list (no include guard): see data/db.h for Q, QL, X and C. */
/* Published, its time come (a scheduled article waits), not expired (an
 * announcement may). */
#define DB_NEWS_VISIBLE \
	"a.status = 'published' AND a.published_at <= UTC_TIMESTAMP() AND " \
	"(a.expires_at IS NULL OR a.expires_at > UTC_TIMESTAMP())"
#define DB_UNIT_COLS "u.id, u.code, u.kind, u.name, u.slug"
#define DB_UNIT_ROW \
	C(U64, id) C(TEXT, code) C(TEXT, kind) C(TEXT, name) C(TEXT, slug)
#define DB_UNIT_ORDER "u.kind, u.name COLLATE utf8mb4_vietnamese_ci"

Q(PING, "SELECT 1 AS one", C(I64, one))
Q(UNITS_CURRENT,
  "SELECT " DB_UNIT_COLS " FROM units u WHERE u.valid_to IS NULL "
  "ORDER BY " DB_UNIT_ORDER, DB_UNIT_ROW)
Q(UNITS_ALL,
  "SELECT " DB_UNIT_COLS " FROM units u ORDER BY " DB_UNIT_ORDER,
  DB_UNIT_ROW)
Q(UNIT_BY_SLUG,
  "SELECT " DB_UNIT_COLS " FROM units u WHERE u.slug = ?", DB_UNIT_ROW)
Q(UNIT_BY_HOST,
  "SELECT " DB_UNIT_COLS " FROM units u JOIN unit_hosts h "
  "ON h.unit_id = u.id WHERE h.host = ?", DB_UNIT_ROW)
/* The unit an article belongs to (authorization by owner). */
Q(ARTICLE_UNIT,
  "SELECT unit_id FROM articles WHERE id = ?", C(U64, unit_id))
Q(APPLICATION_UNIT,
  "SELECT unit_id FROM applications WHERE code = ?", C(U64, unit_id))
