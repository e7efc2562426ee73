/* Statements of the editors' desk.  Every statement names the person:
 * only the units where the user is an editor or the leader are visible
 * (every unit to the administrator).  An X-macro list (no include
 * guard): see data/db.h. */
#define DB_ED_UNITS \
	"SELECT eu.id FROM units eu JOIN user_roles r ON r.user_id = ? AND " \
	"(r.role = 'admin' OR (r.role IN ('editor', 'leader') AND " \
	"r.unit_id = eu.id))"

/* The person's articles, those awaiting approval first; filtered by a
 * status when one is given. */
Q(ED_LIST,
  "SELECT a.id, a.title, u.kind AS unit_kind, u.name AS unit_name, "
  "a.status, a.kind, a.updated_at, a.published_at FROM articles a "
  "JOIN units u ON u.id = a.unit_id WHERE a.unit_id IN (" DB_ED_UNITS ") "
  "AND (? = '' OR a.status = ?) "
  "ORDER BY a.status = 'submitted' DESC, a.updated_at DESC, a.id DESC "
  "LIMIT 200",
  C(U64, id) C(TEXT, title) C(TEXT, unit_kind) C(TEXT, unit_name)
  C(TEXT, status) C(TEXT, kind) C(TIME, updated_at) C(TIME, published_at))
Q(ED_COUNTS,
  "SELECT a.status, COUNT(*) AS n FROM articles a WHERE a.unit_id IN ("
  DB_ED_UNITS ") GROUP BY a.status", C(TEXT, status) C(U64, n))
Q(ED_UNITS,
  "SELECT DISTINCT " DB_UNIT_COLS " FROM units u WHERE u.id IN ("
  DB_ED_UNITS ") AND u.valid_to IS NULL ORDER BY " DB_UNIT_ORDER,
  DB_UNIT_ROW)
Q(ED_GET,
  "SELECT a.id, a.slug, a.kind, "
  "CAST(COALESCE(a.category_id, 0) AS UNSIGNED) AS category_id, "
  "a.title, a.summary, a.body, a.status, a.pinned, "
  "COALESCE(UNIX_TIMESTAMP(a.expires_at), 0) AS expires, a.published_at, "
  "CAST(COALESCE(a.lead_media_id, 0) AS UNSIGNED) AS lead_media_id, "
  "a.lead_alt, "
  "COALESCE(m.sha256, '') AS lead_sha, COALESCE(m.mime, '') AS lead_mime, "
  "a.review_note, a.version, a.unit_id, u.self_publish, "
  "u.slug AS unit_slug, u.kind AS unit_kind, u.name AS unit_name "
  "FROM articles a JOIN units u ON u.id = a.unit_id "
  "LEFT JOIN media m ON m.id = a.lead_media_id "
  "WHERE a.id = ? AND a.unit_id IN (" DB_ED_UNITS ")",
  C(U64, id) C(TEXT, slug) C(TEXT, kind) C(U64, category_id)
  C(TEXT, title) C(TEXT, summary) C(TEXT, body) C(TEXT, status)
  C(U64, pinned) C(I64, expires) C(TIME, published_at)
  C(U64, lead_media_id) C(TEXT, lead_alt) C(TEXT, lead_sha)
  C(TEXT, lead_mime) C(TEXT, review_note) C(U64, version) C(U64, unit_id)
  C(U64, self_publish) C(TEXT, unit_slug) C(TEXT, unit_kind)
  C(TEXT, unit_name))
/* A new draft, in a unit of the person's (app/article.c). */
X(ED_INSERT,
  "INSERT INTO articles (unit_id, kind, status, slug, title, summary, "
  "body, author_id) SELECT u.id, ?, 'draft', ?, ?, ?, ?, ? FROM units u "
  "WHERE u.id = ? AND u.id IN (" DB_ED_UNITS ")")
