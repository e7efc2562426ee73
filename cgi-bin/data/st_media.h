/* Statements of the newsroom's media (app/media.c, h/h_media.c).  An
 * X-macro list (no include guard): see data/db.h. */
/* A unit's file of that content once only: the second upload finds the
 * first row (LAST_INSERT_ID gives its id). */
X(MEDIA_INSERT,
  "INSERT INTO media (unit_id, sha256, size, mime, width, height, "
  "thumb_sha256, thumb_size, filename, uploaded_by) VALUES "
  "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
  "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
/* A file by its name: an original or a resized copy. */
Q(MEDIA_BY_SHA,
  "(SELECT mime, size, filename FROM media WHERE sha256 = ? LIMIT 1) "
  "UNION ALL (SELECT mime, thumb_size AS size, filename FROM media "
  "WHERE thumb_sha256 = ? LIMIT 1) LIMIT 1",
  C(TEXT, mime) C(U64, size) C(TEXT, filename))
