/* Statements of the newsroom's workflow (app/article.c), its revisions
 * and categories.  An X-macro list (no include guard): see data/db.h. */

/* The article as a transition sees it, locked until the commit. */
Q(ART_LOCK,
  "SELECT a.id, a.unit_id, a.status, a.version, a.published_at, "
  "u.self_publish FROM articles a JOIN units u ON u.id = a.unit_id "
  "WHERE a.id = ? FOR UPDATE",
  C(U64, id) C(U64, unit_id) C(TEXT, status) C(U64, version)
  C(TIME, published_at) C(U64, self_publish))
/* The roles a person holds for a unit: there, or city-wide (admin). */
Q(ART_ROLES,
  "SELECT r.role FROM user_roles r WHERE r.user_id = ? AND "
  "(r.unit_id = ? OR r.role = 'admin')", C(TEXT, role))
/* One transition: the text, the status and its times, the version. */
X(ART_UPDATE,
  "UPDATE articles SET kind = ?, category_id = (SELECT c.id FROM "
  "categories c WHERE c.id = ? AND c.unit_id = articles.unit_id), "
  "title = ?, summary = ?, body = ?, pinned = ?, "
  "expires_at = IF(? = 0, NULL, FROM_UNIXTIME(?)), "
  "lead_media_id = (SELECT m.id FROM media m WHERE m.id = ? AND "
  "m.unit_id = articles.unit_id), lead_alt = ?, status = ?, "
  "published_at = IF(? = 0, published_at, FROM_UNIXTIME(?)), "
  "published_by = IF(? = 0, published_by, ?), "
  "review_note = IF(? = 1, ?, review_note), "
  "version = version + 1 WHERE id = ? AND version = ?")
X(ART_REVISION_ADD,
  "INSERT INTO article_revisions (article_id, editor_id, title, summary, "
  "body, status, note) VALUES (?, NULLIF(?, 0), ?, ?, ?, ?, ?)")
Q(ART_REVISIONS,
  "SELECT v.id, v.title, v.status, v.note, v.created_at, "
  "COALESCE(us.full_name, '') AS editor_name FROM article_revisions v "
  "LEFT JOIN users us ON us.id = v.editor_id WHERE v.article_id = ? "
  "ORDER BY v.id DESC LIMIT 200",
  C(U64, id) C(TEXT, title) C(TEXT, status) C(TEXT, note)
  C(TIME, created_at) C(TEXT, editor_name))
Q(ART_REVISION_GET,
  "SELECT v.id, v.title, v.summary, v.body, v.status, v.note, "
  "v.created_at FROM article_revisions v WHERE v.id = ? AND "
  "v.article_id = ?",
  C(U64, id) C(TEXT, title) C(TEXT, summary) C(TEXT, body)
  C(TEXT, status) C(TEXT, note) C(TIME, created_at))
/* Everything of the article but what the form changes: a restore keeps
 * them. */
Q(ART_FULL,
  "SELECT a.kind, CAST(COALESCE(a.category_id, 0) AS UNSIGNED) AS "
  "category_id, a.pinned, "
  "COALESCE(UNIX_TIMESTAMP(a.expires_at), 0) AS expires, "
  "CAST(COALESCE(a.lead_media_id, 0) AS UNSIGNED) AS lead_media_id, a.lead_alt "
  "FROM articles a WHERE a.id = ?",
  C(TEXT, kind) C(U64, category_id) C(U64, pinned) C(I64, expires)
  C(U64, lead_media_id) C(TEXT, lead_alt))

/* Categories of a unit. */
Q(CAT_BY_UNIT,
  "SELECT c.id, c.slug, c.name, c.position FROM categories c "
  "WHERE c.unit_id = ? ORDER BY c.position, c.id",
  C(U64, id) C(TEXT, slug) C(TEXT, name) C(U64, position))
X(CAT_ADD,
  "INSERT INTO categories (unit_id, slug, name, position) SELECT ?, ?, ?, "
  "COALESCE(MAX(c.position), 0) + 1 FROM categories c WHERE c.unit_id = ?")
X(CAT_RENAME,
  "UPDATE categories SET name = ? WHERE id = ? AND unit_id = ?")
/* Swaps the places of category id and its neighbour before (up) or after
 * it: both rows renumbered by their order with the pair swapped. */
Q(CAT_NEIGHBOUR,
  "SELECT c.id, c.position FROM categories c JOIN categories me ON "
  "me.id = ? AND me.unit_id = c.unit_id WHERE c.unit_id = ? AND "
  "((? = 1 AND (c.position, c.id) < (me.position, me.id)) OR "
  "(? = 0 AND (c.position, c.id) > (me.position, me.id))) "
  "ORDER BY IF(? = 1, -c.position, c.position), IF(? = 1, -c.id, c.id) "
  "LIMIT 1",
  C(U64, id) C(U64, position))
X(CAT_SET_POSITION,
  "UPDATE categories SET position = ? WHERE id = ? AND unit_id = ?")

/* The public article page (h/h_article.c): one visible article with its
 * category and lead image; related ones (its category first, then its
 * unit's latest). */
#define DB_ART_PAGE_COLS \
	"a.id, a.slug, a.kind, a.title, a.summary, a.body, a.published_at, " \
	"COALESCE(c.name, '') AS category, COALESCE(m.sha256, '') AS lead_sha, " \
	"COALESCE(m.mime, '') AS lead_mime, " \
	"CAST(COALESCE(m.width, 0) AS UNSIGNED) AS lead_w, " \
	"CAST(COALESCE(m.height, 0) AS UNSIGNED) AS lead_h, a.lead_alt"
#define DB_ART_PAGE_ROW \
	C(U64, id) C(TEXT, slug) C(TEXT, kind) C(TEXT, title) \
	C(TEXT, summary) C(TEXT, body) C(TIME, published_at) \
	C(TEXT, category) C(TEXT, lead_sha) C(TEXT, lead_mime) \
	C(U64, lead_w) C(U64, lead_h) C(TEXT, lead_alt)
Q(ART_PUBLIC,
  "SELECT " DB_ART_PAGE_COLS ", "
  "CAST(COALESCE(a.category_id, 0) AS UNSIGNED) AS category_id "
  "FROM articles a LEFT JOIN categories c ON c.id = a.category_id "
  "LEFT JOIN media m ON m.id = a.lead_media_id WHERE a.id = ? AND "
  "a.unit_id = ? AND " DB_NEWS_VISIBLE,
  DB_ART_PAGE_ROW C(U64, category_id))
/* Two lists of at most four, each read from an index in date order (the
 * category's, then the unit's) rather than ordering every article of the
 * unit by "same category first": ? ? ? are unit, article, category (0:
 * none), twice. */
#define DB_ART_RELATED_ONE(same, cond) \
  "(SELECT a.id, a.slug, a.title, a.published_at, " same " AS same " \
  "FROM articles a WHERE a.unit_id = ? AND a.id <> ? AND " \
  cond "(a.category_id <=> NULLIF(?, 0)) AND " DB_NEWS_VISIBLE \
  " ORDER BY a.published_at DESC, a.id DESC LIMIT 4)"
Q(ART_RELATED,
  DB_ART_RELATED_ONE("1", "") " UNION ALL " DB_ART_RELATED_ONE("0", "NOT ")
  " ORDER BY same DESC, published_at DESC, id DESC LIMIT 4",
  C(U64, id) C(TEXT, slug) C(TEXT, title) C(TIME, published_at)
  C(U64, same))
/* The editor's view of an article (any status), for the preview. */
Q(ART_DRAFT_VIEW,
  "SELECT " DB_ART_PAGE_COLS ", "
  "CAST(COALESCE(a.category_id, 0) AS UNSIGNED) AS category_id, "
  "u.slug AS unit_slug, a.unit_id, a.status FROM articles a "
  "JOIN units u ON u.id = a.unit_id "
  "LEFT JOIN categories c ON c.id = a.category_id "
  "LEFT JOIN media m ON m.id = a.lead_media_id WHERE a.id = ? AND "
  "a.unit_id IN (" DB_ED_UNITS ")",
  DB_ART_PAGE_ROW C(U64, category_id) C(TEXT, unit_slug) C(U64, unit_id)
  C(TEXT, status))
/* A category of one of the person's units, locked. */
Q(CAT_OWNED,
  "SELECT c.id, c.unit_id, c.position FROM categories c WHERE c.id = ? "
  "AND c.unit_id IN (" DB_ED_UNITS ") FOR UPDATE",
  C(U64, id) C(U64, unit_id) C(U64, position))
/* Is unit one of the person's? */
Q(ED_UNIT_MINE,
  "SELECT u.id FROM units u WHERE u.id = ? AND u.id IN (" DB_ED_UNITS ")",
  C(U64, id))
