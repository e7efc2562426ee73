/* Statements of the editors' desk.  Every statement names the editor:
 * only the units where the user holds the editor role are visible.  An
 * X-macro list (no include guard): see data/db.h. */
#define DB_ED_UNITS \
	"SELECT r.unit_id FROM user_roles r WHERE r.user_id = ? AND " \
	"r.role = 'editor'"

Q(ED_LIST,
  "SELECT a.id, a.title, u.kind AS unit_kind, u.name AS unit_name, "
  "a.status, a.updated_at FROM articles a JOIN units u ON u.id = a.unit_id "
  "WHERE a.unit_id IN (" DB_ED_UNITS ") "
  "ORDER BY a.updated_at DESC, a.id DESC LIMIT 100",
  C(U64, id) C(TEXT, title) C(TEXT, unit_kind) C(TEXT, unit_name)
  C(TEXT, status) C(TIME, updated_at))
Q(ED_UNITS,
  "SELECT " DB_UNIT_COLS " FROM units u WHERE u.id IN (" DB_ED_UNITS ") "
  "ORDER BY " DB_UNIT_ORDER, DB_UNIT_ROW)
Q(ED_GET,
  "SELECT a.id, a.slug, a.title, a.summary, a.body, a.status, "
  "u.slug AS unit_slug, u.kind AS unit_kind, u.name AS unit_name "
  "FROM articles a JOIN units u ON u.id = a.unit_id "
  "WHERE a.id = ? AND a.unit_id IN (" DB_ED_UNITS ")",
  C(U64, id) C(TEXT, slug) C(TEXT, title) C(TEXT, summary) C(TEXT, body)
  C(TEXT, status) C(TEXT, unit_slug) C(TEXT, unit_kind) C(TEXT, unit_name))
X(ED_INSERT,
  "INSERT INTO articles (unit_id, status, slug, title, summary, body, "
  "published_at) SELECT u.id, ?, ?, ?, ?, ?, IF(? = 'published', "
  "UTC_TIMESTAMP(), NULL) FROM units u WHERE u.id = ? AND u.id IN ("
  DB_ED_UNITS ")")
X(ED_UPDATE,
  "UPDATE articles SET title = ?, summary = ?, body = ?, "
  "status = IF(? = 'published', 'published', status), "
  "published_at = IF(? = 'published', COALESCE(published_at, "
  "UTC_TIMESTAMP()), published_at) WHERE id = ? AND unit_id IN ("
  DB_ED_UNITS ")")
