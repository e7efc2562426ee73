/* Statements of the units' websites (issue 11, part A): versioned units
 * and their mergers, host names, the homes' and listings' articles, the
 * upcoming schedule, feeds, the sitemap and the JSON API.  An X-macro
 * list (no include guard): see data/db.h.  DB_NEWS_VISIBLE and
 * DB_UNIT_ORDER come from data/st_site.h. */

/* A listing's article: its id, slug, title, summary, times, kind, the lead
 * image's resized copy and alt text, its category. */
#define SITES_LIST_COLS \
	"a.id, a.slug, a.title, a.summary, a.published_at, a.updated_at, " \
	"a.unit_id, a.kind, a.pinned, a.lead_alt, " \
	"m.thumb_sha256 AS thumb_sha256, m.mime AS thumb_mime, " \
	"c.slug AS category_slug, c.name AS category_name"
#define SITES_LIST_FROM \
	" FROM articles a LEFT JOIN media m ON m.id = a.lead_media_id " \
	"LEFT JOIN categories c ON c.id = a.category_id"
#define SITES_LIST_ROW \
	C(U64, id) C(TEXT, slug) C(TEXT, title) C(TEXT, summary) \
	C(TIME, published_at) C(TIME, updated_at) C(U64, unit_id) \
	C(TEXT, kind) C(U64, pinned) C(TEXT, lead_alt) C(TEXT, thumb_sha256) \
	C(TEXT, thumb_mime) C(TEXT, category_slug) C(TEXT, category_name)
#define SITES_ORDER " ORDER BY a.published_at DESC, a.id DESC"
/* A unit with its validity and successor. */
#define SITES_UNIT_COLS \
	"u.id, u.code, u.kind, u.name, u.slug, u.valid_from, u.valid_to, " \
	"u.successor_id"
#define SITES_UNIT_ROW \
	C(U64, id) C(TEXT, code) C(TEXT, kind) C(TEXT, name) C(TEXT, slug) \
	C(TIME, valid_from) C(TIME, valid_to) C(U64, successor_id)

Q(SITES_UNIT_BY_SLUG,
  "SELECT " SITES_UNIT_COLS " FROM units u WHERE u.slug = ?",
  SITES_UNIT_ROW)
Q(SITES_UNIT_BY_HOST,
  "SELECT " SITES_UNIT_COLS " FROM units u JOIN unit_hosts h "
  "ON h.unit_id = u.id WHERE h.host = ?", SITES_UNIT_ROW)
/* Every unit, current or merged, for resolving chains of successors in
 * memory (a few dozen rows). */
Q(SITES_UNITS_ALL,
  "SELECT " SITES_UNIT_COLS " FROM units u ORDER BY " DB_UNIT_ORDER,
  SITES_UNIT_ROW)
/* The units that merged (valid_to set), with what they merged into. */
Q(SITES_UNITS_MERGED,
  "SELECT " SITES_UNIT_COLS ", s.kind AS successor_kind, s.name AS "
  "successor_name FROM units u LEFT JOIN units s ON s.id = u.successor_id "
  "WHERE u.valid_to IS NOT NULL ORDER BY u.valid_to DESC, " DB_UNIT_ORDER,
  SITES_UNIT_ROW C(TEXT, successor_kind) C(TEXT, successor_name))
/* The units that merged straight into a unit. */
Q(SITES_UNIT_PREDECESSORS,
  "SELECT " SITES_UNIT_COLS " FROM units u WHERE u.successor_id = ? "
  "ORDER BY " DB_UNIT_ORDER, SITES_UNIT_ROW)
/* The unit of an article when that unit is U or one of U's predecessors
 * (at any depth): the article page of a merged unit's successor. */
Q(SITES_ARTICLE_IN_LINE,
  "WITH RECURSIVE line (id, depth) AS (SELECT id, 0 FROM units "
  "WHERE id = ? UNION ALL SELECT u.id, line.depth + 1 FROM units u "
  "JOIN line ON u.successor_id = line.id WHERE line.depth < 50) "
  "SELECT a.unit_id FROM articles a JOIN line ON line.id = a.unit_id "
  "WHERE a.id = ?", C(U64, unit_id))

/* Listings: a unit's articles of a kind, a category's, a unit's of every
 * kind (a merged unit's archive), the city's news; each with its count.
 * A page is found in the key alone (migration 0030: it holds id and
 * expires_at) and only its rows are read: a page deep in a listing read
 * every row before it (the city's page 4,500: 1.7 s, now 0.17 s). */
#define SITES_PAGE(where) \
	"SELECT " SITES_LIST_COLS " FROM (SELECT a.id FROM articles a WHERE " \
	where " AND " DB_NEWS_VISIBLE SITES_ORDER " LIMIT ? OFFSET ?) k " \
	"JOIN articles a ON a.id = k.id LEFT JOIN media m ON m.id = " \
	"a.lead_media_id LEFT JOIN categories c ON c.id = a.category_id" \
	SITES_ORDER
Q(SITES_UNIT_KIND_PAGE, SITES_PAGE("a.unit_id = ? AND a.kind = ?"),
  SITES_LIST_ROW)
Q(SITES_UNIT_KIND_COUNT,
  "SELECT COUNT(*) AS n FROM articles a WHERE a.unit_id = ? AND "
  "a.kind = ? AND " DB_NEWS_VISIBLE, C(I64, n))
Q(SITES_CATEGORY_PAGE, SITES_PAGE("a.category_id = ?"), SITES_LIST_ROW)
Q(SITES_CATEGORY_COUNT,
  "SELECT COUNT(*) AS n FROM articles a WHERE a.category_id = ? AND "
  DB_NEWS_VISIBLE, C(I64, n))
Q(SITES_UNIT_ALL_PAGE, SITES_PAGE("a.unit_id = ?"), SITES_LIST_ROW)
Q(SITES_UNIT_ALL_COUNT,
  "SELECT COUNT(*) AS n FROM articles a WHERE a.unit_id = ? AND "
  DB_NEWS_VISIBLE, C(I64, n))
Q(SITES_CITY_PAGE, SITES_PAGE("a.kind = 'news'"), SITES_LIST_ROW)
Q(SITES_CITY_COUNT,
  "SELECT COUNT(*) AS n FROM articles a WHERE a.kind = 'news' AND "
  DB_NEWS_VISIBLE, C(I64, n))
/* A unit's pinned announcements, not expired. */
Q(SITES_PINNED,
  "SELECT " SITES_LIST_COLS SITES_LIST_FROM " WHERE a.unit_id = ? AND "
  "a.kind = 'announcement' AND a.pinned = 1 AND " DB_NEWS_VISIBLE
  SITES_ORDER " LIMIT ?", SITES_LIST_ROW)

/* A unit's categories, and one by slug. */
Q(SITES_CATEGORIES,
  "SELECT id, slug, name FROM categories WHERE unit_id = ? "
  "ORDER BY position, name", C(U64, id) C(TEXT, slug) C(TEXT, name))
Q(SITES_CATEGORY_BY_SLUG,
  "SELECT id, slug, name FROM categories WHERE unit_id = ? AND slug = ?",
  C(U64, id) C(TEXT, slug) C(TEXT, name))

/* The leaders' schedule between two local times ('YYYY-MM-DD hh:mm:ss'). */
Q(SITES_SCHEDULE,
  "SELECT s.id, DATE_FORMAT(s.starts_at, '%Y-%m-%d') AS day, "
  "DATE_FORMAT(s.starts_at, '%H:%i') AS hhmm, "
  "DATE_FORMAT(s.starts_at, '%Y-%m-%dT%H:%i') AS iso, "
  "WEEKDAY(s.starts_at) AS weekday, s.content, s.place, s.presider, "
  "s.participants FROM schedule_items s WHERE s.unit_id = ? AND "
  "s.starts_at >= ? AND s.starts_at < ? ORDER BY s.starts_at, s.id "
  "LIMIT 50",
  C(U64, id) C(TEXT, day) C(TEXT, hhmm) C(TEXT, iso) C(I64, weekday)
  C(TEXT, content) C(TEXT, place) C(TEXT, presider) C(TEXT, participants))

/* The sitemap: every visible article (a part of them), documents. */
Q(SITES_MAP_COUNT,
  "SELECT COUNT(*) AS n FROM articles a WHERE " DB_NEWS_VISIBLE, C(I64, n))
Q(SITES_MAP_ARTICLES,
  "SELECT a.id, a.slug, a.unit_id, a.updated_at FROM articles a WHERE "
  DB_NEWS_VISIBLE " ORDER BY a.id LIMIT ? OFFSET ?",
  C(U64, id) C(TEXT, slug) C(U64, unit_id) C(TIME, updated_at))
Q(SITES_MAP_DOCUMENTS,
  "SELECT d.id, d.unit_id, d.updated_at FROM documents d WHERE "
  "d.status = 'published' ORDER BY d.id LIMIT ?",
  C(U64, id) C(U64, unit_id) C(TIME, updated_at))
Q(SITES_MAP_CATEGORIES,
  "SELECT c.slug, u.slug AS unit_slug FROM categories c JOIN units u "
  "ON u.id = c.unit_id WHERE u.valid_to IS NULL ORDER BY u.slug, c.slug",
  C(TEXT, slug) C(TEXT, unit_slug))
Q(SITES_MAP_PROCEDURES,
  "SELECT p.code FROM procedures p JOIN procedure_versions v "
  "ON v.id = p.current_version ORDER BY p.code", C(TEXT, code))
/* The newest change among visible articles (the feeds' updated). */
Q(SITES_NEWEST,
  "SELECT MAX(a.updated_at) AS t FROM articles a WHERE " DB_NEWS_VISIBLE,
  C(TIME, t))

/* Units and their host names (app/units.c, portalctl). */
X(SITES_UNIT_ADD,
  "INSERT INTO units (code, kind, name, slug, valid_from) "
  "VALUES (?, ?, ?, ?, FROM_UNIXTIME(?))")
X(SITES_UNIT_MERGE,
  "UPDATE units SET valid_to = FROM_UNIXTIME(?) - INTERVAL 1 DAY, "
  "successor_id = ? WHERE id = ? AND valid_to IS NULL AND "
  "successor_id IS NULL")
QL(SITES_UNIT_LOCK,
  "SELECT " SITES_UNIT_COLS " FROM units u WHERE u.slug = ? FOR UPDATE",
  SITES_UNIT_ROW)
X(SITES_HOST_ADD, "INSERT INTO unit_hosts (host, unit_id) VALUES (?, ?)")
X(SITES_HOST_REMOVE, "DELETE FROM unit_hosts WHERE host = ?")
