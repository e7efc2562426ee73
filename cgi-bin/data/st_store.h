/* Statements of the attachment store (app/store.c, h/h_file.c,
 * portalctl check-store).  An X-macro list (no include guard): see
 * data/db.h.  A file is served only to the application's applicant and to
 * the staff and leaders of its unit: the query names the user, and
 * anyone else finds nothing (404). */

/* Locks the application for the attaching transaction and sums its
 * files so far (the per-application limit). */
QL(ATT_APP_LOCK,
  "SELECT a.id, CAST(COALESCE((SELECT SUM(t.size) FROM attachments t "
  "WHERE t.application_id = a.id), 0) AS UNSIGNED) AS total "
  "FROM applications a WHERE a.id = ? FOR UPDATE",
  C(U64, id) C(U64, total))
X(ATT_INSERT,
  "INSERT INTO attachments (application_id, slot, filename, sha256, size, "
  "mime) VALUES (?, ?, ?, ?, ?, ?)")
/* Attachment id of the application with code, for the user (twice):
 * the applicant gets a result only once it is returned (10). */
Q(FILE_GET,
  "SELECT t.id, t.filename, t.sha256, t.size, t.mime "
  "FROM attachments t JOIN applications a ON a.id = t.application_id "
  "WHERE t.id = ? AND a.code = ? AND ((a.applicant_id = ? AND "
  "(t.kind = 'document' OR a.status = 10)) OR a.unit_id IN "
  "(SELECT r.unit_id FROM user_roles r WHERE r.user_id = ? AND "
  "r.role IN ('staff', 'leader')))",
  C(U64, id) C(TEXT, filename) C(TEXT, sha256) C(U64, size) C(TEXT, mime))
/* portalctl check-store: every row, a page at a time; and whether a file
 * of the store is named by any row. */
Q(ATT_PAGE,
  "SELECT id, application_id, sha256, size FROM attachments WHERE id > ? "
  "ORDER BY id LIMIT 1000",
  C(U64, id) C(U64, application_id) C(TEXT, sha256) C(U64, size))
/* A stored file is an application's attachment or a newsroom file (an
 * original or its resized copy). */
Q(ATT_SHA_USED,
  "SELECT (SELECT COUNT(*) FROM attachments WHERE sha256 = ?) + "
  "(SELECT COUNT(*) FROM media WHERE sha256 = ? OR thumb_sha256 = ?) AS n",
  C(U64, n))
