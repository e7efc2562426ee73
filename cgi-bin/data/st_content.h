/* Statements of a unit's content (issue 11, part C): documents, the
 * leaders' schedule, introduction pages, contacts, questions and answers.
 * The editors' statements name the editor: only the units where the user
 * holds the editor role are visible.  An X-macro list (no include guard):
 * see data/db.h. */
#define DB_CT_ED_UNITS \
	"SELECT r.unit_id FROM user_roles r WHERE r.user_id = ? AND " \
	"r.role = 'editor'"
#define DB_CT_DOC_COLS \
	"d.id, d.number, d.doc_type, d.title, d.issuer, d.signer, " \
	"DATE_FORMAT(d.issued_on, '%d/%m/%Y') AS issued, " \
	"CAST(d.issued_on AS CHAR) AS issued_iso, " \
	"DATE_FORMAT(d.effective_on, '%d/%m/%Y') AS effective, " \
	"CAST(d.effective_on AS CHAR) AS effective_iso, d.summary, d.status"
#define DB_CT_DOC_ROW \
	C(U64, id) C(TEXT, number) C(TEXT, doc_type) C(TEXT, title) \
	C(TEXT, issuer) C(TEXT, signer) C(TEXT, issued) C(TEXT, issued_iso) \
	C(TEXT, effective) C(TEXT, effective_iso) C(TEXT, summary) \
	C(TEXT, status)
/* The public filters: year (0: any), type ('': any). */
#define DB_CT_DOC_FILTER \
	"d.unit_id = ? AND d.status = 'published' AND " \
	"(? = 0 OR YEAR(d.issued_on) = ?) AND (? = '' OR d.doc_type = ?)"

/* Documents (văn bản). */
Q(CT_DOCS,
  "SELECT " DB_CT_DOC_COLS " FROM documents d WHERE " DB_CT_DOC_FILTER
  " ORDER BY d.issued_on DESC, d.id DESC LIMIT ? OFFSET ?", DB_CT_DOC_ROW)
Q(CT_DOCS_COUNT,
  "SELECT COUNT(*) AS n FROM documents d WHERE " DB_CT_DOC_FILTER,
  C(I64, n))
Q(CT_DOC_YEARS,
  "SELECT DISTINCT YEAR(d.issued_on) AS y FROM documents d "
  "WHERE d.unit_id = ? AND d.status = 'published' ORDER BY y DESC",
  C(I64, y))
Q(CT_DOC_GET,
  "SELECT " DB_CT_DOC_COLS ", m.sha256 AS pdf_sha256, m.mime AS pdf_mime, "
  "m.size AS pdf_size FROM documents d LEFT JOIN media m "
  "ON m.id = d.pdf_media_id WHERE d.id = ? AND d.unit_id = ? AND "
  "d.status = 'published'",
  DB_CT_DOC_ROW C(TEXT, pdf_sha256) C(TEXT, pdf_mime) C(I64, pdf_size))
Q(CT_ED_DOCS,
  "SELECT " DB_CT_DOC_COLS " FROM documents d WHERE d.unit_id = ? AND "
  "d.unit_id IN (" DB_CT_ED_UNITS ") ORDER BY d.issued_on DESC, d.id DESC "
  "LIMIT ? OFFSET ?", DB_CT_DOC_ROW)
Q(CT_ED_DOCS_COUNT,
  "SELECT COUNT(*) AS n FROM documents d WHERE d.unit_id = ? AND "
  "d.unit_id IN (" DB_CT_ED_UNITS ")", C(I64, n))
Q(CT_ED_DOC_GET,
  "SELECT " DB_CT_DOC_COLS ", d.unit_id, u.slug AS unit_slug, "
  "m.sha256 AS pdf_sha256, m.mime AS pdf_mime FROM documents d "
  "JOIN units u ON u.id = d.unit_id LEFT JOIN media m "
  "ON m.id = d.pdf_media_id WHERE d.id = ? AND d.unit_id IN ("
  DB_CT_ED_UNITS ")",
  DB_CT_DOC_ROW C(U64, unit_id) C(TEXT, unit_slug) C(TEXT, pdf_sha256)
  C(TEXT, pdf_mime))
/* number, doc_type, issuer, signer, issued_on, effective_on, title,
 * summary, status, status, user, unit, editor. */
X(CT_DOC_INSERT,
  "INSERT INTO documents (unit_id, number, doc_type, issuer, signer, "
  "issued_on, effective_on, title, summary, status, published_at, "
  "created_by) SELECT u.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
  "IF(? = 'published', UTC_TIMESTAMP(), NULL), ? FROM units u "
  "WHERE u.id = ? AND u.id IN (" DB_CT_ED_UNITS ")")
X(CT_DOC_UPDATE,
  "UPDATE documents SET number = ?, doc_type = ?, issuer = ?, signer = ?, "
  "issued_on = ?, effective_on = ?, title = ?, summary = ?, status = ?, "
  "published_at = IF(? = 'published', COALESCE(published_at, "
  "UTC_TIMESTAMP()), published_at) WHERE id = ? AND unit_id IN ("
  DB_CT_ED_UNITS ")")
X(CT_DOC_PDF,
  "UPDATE documents SET pdf_media_id = ? WHERE id = ? AND unit_id IN ("
  DB_CT_ED_UNITS ")")
Q(CT_DOCUMENT_UNIT,
  "SELECT unit_id FROM documents WHERE id = ?", C(U64, unit_id))

/* The leaders' schedule: starts_at is local time; day is its day's
 * number (days since 1970-01-01). */
#define DB_CT_SCHED_COLS \
	"s.id, DATEDIFF(s.starts_at, '1970-01-01') AS day, " \
	"DATE_FORMAT(s.starts_at, '%H:%i') AS hhmm, s.content, s.place, " \
	"s.presider, s.participants"
#define DB_CT_SCHED_ROW \
	C(I64, day) C(TEXT, hhmm) C(TEXT, content) C(TEXT, place) \
	C(TEXT, presider) C(TEXT, participants)
Q(CT_SCHED_WEEK,
  "SELECT " DB_CT_SCHED_COLS " FROM schedule_items s WHERE s.unit_id = ? "
  "AND s.starts_at >= ? AND s.starts_at < ? ORDER BY s.starts_at, s.id",
  C(U64, id) DB_CT_SCHED_ROW)
Q(CT_ED_SCHED_GET,
  "SELECT " DB_CT_SCHED_COLS ", s.unit_id FROM schedule_items s "
  "WHERE s.id = ? AND s.unit_id IN (" DB_CT_ED_UNITS ")",
  C(U64, id) DB_CT_SCHED_ROW C(U64, unit_id))
/* starts_at, content, place, presider, participants, user, unit,
 * editor. */
X(CT_SCHED_INSERT,
  "INSERT INTO schedule_items (unit_id, starts_at, content, place, "
  "presider, participants, created_by) SELECT u.id, ?, ?, ?, ?, ?, ? "
  "FROM units u WHERE u.id = ? AND u.id IN (" DB_CT_ED_UNITS ")")
X(CT_SCHED_UPDATE,
  "UPDATE schedule_items SET starts_at = ?, content = ?, place = ?, "
  "presider = ?, participants = ? WHERE id = ? AND unit_id IN ("
  DB_CT_ED_UNITS ")")
X(CT_SCHED_DELETE,
  "DELETE FROM schedule_items WHERE id = ? AND unit_id IN ("
  DB_CT_ED_UNITS ")")
Q(CT_SCHEDULE_UNIT,
  "SELECT unit_id FROM schedule_items WHERE id = ?", C(U64, unit_id))

/* Introduction pages. */
Q(CT_PAGES,
  "SELECT p.id, p.slug, p.title, p.position FROM unit_pages p "
  "WHERE p.unit_id = ? ORDER BY p.position, p.id",
  C(U64, id) C(TEXT, slug) C(TEXT, title) C(I64, position))
Q(CT_PAGE_GET,
  "SELECT p.id, p.slug, p.title, p.body, p.updated_at FROM unit_pages p "
  "WHERE p.unit_id = ? AND p.slug = ?",
  C(U64, id) C(TEXT, slug) C(TEXT, title) C(TEXT, body)
  C(TIME, updated_at))
Q(CT_ED_PAGE_GET,
  "SELECT p.id, p.slug, p.title, p.body, p.position, p.unit_id, "
  "u.slug AS unit_slug FROM unit_pages p JOIN units u ON u.id = p.unit_id "
  "WHERE p.id = ? AND p.unit_id IN (" DB_CT_ED_UNITS ")",
  C(U64, id) C(TEXT, slug) C(TEXT, title) C(TEXT, body) C(I64, position)
  C(U64, unit_id) C(TEXT, unit_slug))
/* slug, title, body, position, user, unit, editor. */
X(CT_PAGE_INSERT,
  "INSERT INTO unit_pages (unit_id, slug, title, body, position, "
  "updated_by) SELECT u.id, ?, ?, ?, ?, ? FROM units u WHERE u.id = ? "
  "AND u.id IN (" DB_CT_ED_UNITS ")")
X(CT_PAGE_UPDATE,
  "UPDATE unit_pages SET slug = ?, title = ?, body = ?, position = ?, "
  "updated_by = ? WHERE id = ? AND unit_id IN (" DB_CT_ED_UNITS ")")
Q(CT_UPAGE_UNIT,
  "SELECT unit_id FROM unit_pages WHERE id = ?", C(U64, unit_id))

/* Contacts. */
#define DB_CT_CONTACT_COLS \
	"c.id, c.position, c.title, c.person, c.phone, c.email, c.address, " \
	"c.hours"
#define DB_CT_CONTACT_ROW \
	C(U64, id) C(I64, position) C(TEXT, title) C(TEXT, person) \
	C(TEXT, phone) C(TEXT, email) C(TEXT, address) C(TEXT, hours)
Q(CT_CONTACTS,
  "SELECT " DB_CT_CONTACT_COLS " FROM contacts c WHERE c.unit_id = ? "
  "ORDER BY c.position, c.id", DB_CT_CONTACT_ROW)
Q(CT_ED_CONTACT_GET,
  "SELECT " DB_CT_CONTACT_COLS ", c.unit_id FROM contacts c "
  "WHERE c.id = ? AND c.unit_id IN (" DB_CT_ED_UNITS ")",
  DB_CT_CONTACT_ROW C(U64, unit_id))
/* position, title, person, phone, email, address, hours, unit,
 * editor. */
X(CT_CONTACT_INSERT,
  "INSERT INTO contacts (unit_id, position, title, person, phone, email, "
  "address, hours) SELECT u.id, ?, ?, ?, ?, ?, ?, ? FROM units u "
  "WHERE u.id = ? AND u.id IN (" DB_CT_ED_UNITS ")")
X(CT_CONTACT_UPDATE,
  "UPDATE contacts SET position = ?, title = ?, person = ?, phone = ?, "
  "email = ?, address = ?, hours = ? WHERE id = ? AND unit_id IN ("
  DB_CT_ED_UNITS ")")
X(CT_CONTACT_DELETE,
  "DELETE FROM contacts WHERE id = ? AND unit_id IN (" DB_CT_ED_UNITS ")")
Q(CT_CONTACT_UNIT,
  "SELECT unit_id FROM contacts WHERE id = ?", C(U64, unit_id))

/* Questions and answers. */
#define DB_CT_QA_COLS \
	"q.id, q.asker_name, q.title, q.question, q.answer, q.status, " \
	"q.created_at, q.published_at"
#define DB_CT_QA_ROW \
	C(U64, id) C(TEXT, asker_name) C(TEXT, title) C(TEXT, question) \
	C(TEXT, answer) C(TEXT, status) C(TIME, created_at) \
	C(TIME, published_at)
Q(CT_QA_PUBLISHED,
  "SELECT " DB_CT_QA_COLS " FROM questions q WHERE q.unit_id = ? AND "
  "q.status = 'published' ORDER BY q.published_at DESC, q.id DESC "
  "LIMIT ? OFFSET ?", DB_CT_QA_ROW)
Q(CT_QA_PUBLISHED_COUNT,
  "SELECT COUNT(*) AS n FROM questions q WHERE q.unit_id = ? AND "
  "q.status = 'published'", C(I64, n))
/* The signed-in asker's confirmed address, if any. */
Q(CT_QA_USER_EMAIL,
  "SELECT email FROM users WHERE id = ? AND email_verified_at IS NOT NULL",
  C(TEXT, email))
/* unit, user, name, email, confirm hash, title, question, status,
 * address. */
X(CT_QA_INSERT,
  "INSERT INTO questions (unit_id, user_id, asker_name, email, "
  "confirm_hash, title, question, status, asker_addr) "
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
/* Anonymous questions of the last day from an address, to an email. */
Q(CT_QA_RECENT,
  "SELECT (SELECT COUNT(*) FROM questions WHERE asker_addr = ? AND "
  "user_id IS NULL AND created_at > UTC_TIMESTAMP() - INTERVAL 1 DAY) "
  "AS by_addr, (SELECT COUNT(*) FROM questions WHERE email = ? AND "
  "user_id IS NULL AND created_at > UTC_TIMESTAMP() - INTERVAL 1 DAY) "
  "AS by_email", C(I64, by_addr) C(I64, by_email))
/* A confirmation link lives a day. */
#define DB_CT_QA_PENDING \
	"q.confirm_hash = ? AND q.status = 'unconfirmed' AND " \
	"q.created_at > UTC_TIMESTAMP() - INTERVAL 1 DAY"
Q(CT_QA_CONFIRM_GET,
  "SELECT q.id, q.title, q.email, u.slug AS unit_slug, u.kind AS unit_kind, "
  "u.name AS unit_name FROM questions q JOIN units u ON u.id = q.unit_id "
  "WHERE " DB_CT_QA_PENDING,
  C(U64, id) C(TEXT, title) C(TEXT, email) C(TEXT, unit_slug)
  C(TEXT, unit_kind) C(TEXT, unit_name))
X(CT_QA_CONFIRM,
  "UPDATE questions q SET q.status = 'new', q.confirm_hash = NULL "
  "WHERE " DB_CT_QA_PENDING)
Q(CT_ED_QA,
  "SELECT " DB_CT_QA_COLS " FROM questions q WHERE q.unit_id = ? AND "
  "q.unit_id IN (" DB_CT_ED_UNITS ") AND q.status <> 'unconfirmed' "
  "ORDER BY FIELD(q.status, 'new', 'answered', 'published', 'hidden'), "
  "q.created_at DESC, q.id DESC LIMIT 200", DB_CT_QA_ROW)
Q(CT_ED_QA_GET,
  "SELECT " DB_CT_QA_COLS ", q.email, q.unit_id, u.slug AS unit_slug, "
  "u.kind AS unit_kind, u.name AS unit_name FROM questions q "
  "JOIN units u ON u.id = q.unit_id WHERE q.id = ? AND "
  "q.status <> 'unconfirmed' AND q.unit_id IN (" DB_CT_ED_UNITS ")",
  DB_CT_QA_ROW C(TEXT, email) C(U64, unit_id) C(TEXT, unit_slug)
  C(TEXT, unit_kind) C(TEXT, unit_name))
/* answer, status, editor (answered_by), status, id, editor. */
X(CT_QA_ANSWER,
  "UPDATE questions SET answer = ?, status = ?, answered_by = ?, "
  "answered_at = UTC_TIMESTAMP(), published_at = IF(? = 'published', "
  "COALESCE(published_at, UTC_TIMESTAMP()), published_at) WHERE id = ? "
  "AND status <> 'unconfirmed' AND unit_id IN (" DB_CT_ED_UNITS ")")
X(CT_QA_HIDE,
  "UPDATE questions SET status = 'hidden' WHERE id = ? AND "
  "status <> 'unconfirmed' AND unit_id IN (" DB_CT_ED_UNITS ")")
Q(CT_QUESTION_UNIT,
  "SELECT unit_id FROM questions WHERE id = ? AND status <> 'unconfirmed'",
  C(U64, unit_id))
/* The units where the user is an editor. */
Q(CT_ED_UNITS,
  "SELECT " DB_UNIT_COLS " FROM units u WHERE u.id IN (" DB_CT_ED_UNITS
  ") ORDER BY " DB_UNIT_ORDER, DB_UNIT_ROW)

/* `portalctl seed`: the demo content of every unit (app/seed_content.c,
 * migrations/seed/content/); each row found by its natural key and
 * updated in place, so that a second run changes nothing. */
X(SEED_CT_CATEGORY,
  "INSERT INTO categories (unit_id, slug, position, name) "
  "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
  "position = VALUES(position), name = VALUES(name)")
/* unit, kind, slug, title, summary, body, pinned, hours ago, unit,
 * category slug. */
X(SEED_CT_ARTICLE,
  "INSERT INTO articles (unit_id, kind, category_id, status, slug, title, "
  "summary, body, pinned, published_at) SELECT ?, ?, c.id, 'published', "
  "?, ?, ?, ?, ?, UTC_TIMESTAMP() - INTERVAL ? HOUR FROM categories c "
  "WHERE c.unit_id = ? AND c.slug = ? ON DUPLICATE KEY UPDATE "
  "kind = VALUES(kind), category_id = VALUES(category_id), "
  "title = VALUES(title), summary = VALUES(summary), body = VALUES(body), "
  "pinned = VALUES(pinned)")
Q(SEED_CT_ARTICLE_ID,
  "SELECT id FROM articles WHERE unit_id = ? AND slug = ?", C(U64, id))
Q(SEED_CT_DOC_ID,
  "SELECT id FROM documents WHERE unit_id = ? AND number = ?", C(U64, id))
/* unit, number, type, issuer, signer, issued, effective, title,
 * summary. */
X(SEED_CT_DOC_INSERT,
  "INSERT INTO documents (unit_id, number, doc_type, issuer, signer, "
  "issued_on, effective_on, title, summary, status, published_at) "
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', UTC_TIMESTAMP())")
/* type, issuer, signer, title, summary, id. */
X(SEED_CT_DOC_UPDATE,
  "UPDATE documents SET doc_type = ?, issuer = ?, signer = ?, title = ?, "
  "summary = ? WHERE id = ?")
Q(SEED_CT_SCHED_ID,
  "SELECT id FROM schedule_items WHERE unit_id = ? AND starts_at = ?",
  C(U64, id))
/* unit, starts_at, content, place, presider, participants. */
X(SEED_CT_SCHED_INSERT,
  "INSERT INTO schedule_items (unit_id, starts_at, content, place, "
  "presider, participants) VALUES (?, ?, ?, ?, ?, ?)")
/* content, place, presider, participants, id. */
X(SEED_CT_SCHED_UPDATE,
  "UPDATE schedule_items SET content = ?, place = ?, presider = ?, "
  "participants = ? WHERE id = ?")
X(SEED_CT_PAGE,
  "INSERT INTO unit_pages (unit_id, slug, position, title, body) "
  "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
  "position = VALUES(position), title = VALUES(title), body = VALUES(body)")
Q(SEED_CT_CONTACT_ID,
  "SELECT id FROM contacts WHERE unit_id = ? AND title = ?", C(U64, id))
/* unit, position, title, person, phone, email, address, hours. */
X(SEED_CT_CONTACT_INSERT,
  "INSERT INTO contacts (unit_id, position, title, person, phone, email, "
  "address, hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
/* position, person, phone, email, address, hours, id. */
X(SEED_CT_CONTACT_UPDATE,
  "UPDATE contacts SET position = ?, person = ?, phone = ?, email = ?, "
  "address = ?, hours = ? WHERE id = ?")
Q(SEED_CT_QA_ID,
  "SELECT id FROM questions WHERE unit_id = ? AND title = ?", C(U64, id))
/* unit, asker, title, question, answer, days ago (x3). */
X(SEED_CT_QA_INSERT,
  "INSERT INTO questions (unit_id, asker_name, title, question, answer, "
  "status, created_at, answered_at, published_at) VALUES (?, ?, ?, ?, ?, "
  "'published', UTC_TIMESTAMP() - INTERVAL ? DAY - INTERVAL 2 DAY, "
  "UTC_TIMESTAMP() - INTERVAL ? DAY, UTC_TIMESTAMP() - INTERVAL ? DAY)")
/* question, answer, id. */
X(SEED_CT_QA_UPDATE,
  "UPDATE questions SET question = ?, answer = ? WHERE id = ?")
