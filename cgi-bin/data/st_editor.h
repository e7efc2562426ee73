/* Statements of the editors' desk.  Every statement names the person:
 * only the units where the user is an editor or the leader are visible
 * (every unit to the administrator).  An
 * X-macro list (no include guard): see data/db.h. */
#define DB_ED_UNITS \
	"SELECT eu.id FROM units eu JOIN user_roles r ON r.user_id = ? AND " \
	"(r.role = 'admin' OR (r.role IN ('editor', 'leader') AND " \
	"r.unit_id = eu.id))"

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
