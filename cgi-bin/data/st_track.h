/* Statements of tracking and of the resident's applications.  An X-macro
 * list (no include guard): see data/db.h.  Every statement about one
 * application names its applicant (the signed-in user) in the WHERE
 * clause, so that another resident's application is "not found"; the
 * public lookup names the code and the verification digits together. */
#define DB_TRACK_FROM \
	"FROM applications a " \
	"JOIN procedure_versions pv ON pv.id = a.procedure_version " \
	"JOIN procedures p ON p.id = pv.procedure_id " \
	"JOIN units u ON u.id = a.unit_id "

/* The public lookup: a submitted application whose applicant's phone
 * number or ID number ends with the digits given.  One statement, so that
 * a wrong pair and an unknown code take the same path: no row. */
Q(TRACK_FIND,
  "SELECT a.id, a.code, a.status, a.due_at, a.submitted_at, "
  "u.kind AS unit_kind, u.name AS unit_name "
  "FROM applications a JOIN users us ON us.id = a.applicant_id "
  "JOIN units u ON u.id = a.unit_id "
  "WHERE a.code = ? AND a.status <> 0 AND "
  "(RIGHT(us.phone, 4) = ? OR us.id_last4 = ?)",
  C(U64, id) C(TEXT, code) C(I64, status) C(TIME, due_at)
  C(TIME, submitted_at) C(TEXT, unit_kind) C(TEXT, unit_name))
/* The changes of status of an application, oldest first, for the public
 * page (statuses and times only). */
Q(TRACK_EVENTS,
  "SELECT e.to_status, e.at, e.note FROM application_events e "
  "WHERE e.application_id = ? AND e.kind = 'status' AND e.internal = 0 "
  "ORDER BY e.id LIMIT 500",
  C(I64, to_status) C(TIME, at) C(TEXT, note))
/* The applicant's timeline: every event but the staff's internal notes
 * (issue 9), with the staff's messages and an apology's new date. */
Q(MYAPP_EVENTS,
  "SELECT e.to_status, e.kind, e.at, e.note, e.due_at "
  "FROM application_events e JOIN applications a ON a.id = "
  "e.application_id WHERE e.application_id = ? AND a.applicant_id = ? "
  "AND e.internal = 0 ORDER BY e.id LIMIT 500",
  C(I64, to_status) C(TEXT, kind) C(TIME, at) C(TEXT, note)
  C(TIME, due_at))
/* A public lookup adds 1 to its address's count of the minute (migration
 * 0027: a row an address a minute, whatever the flood). */
X(TRACK_COUNT,
  "INSERT INTO track_counts (addr, minute, n) VALUES (?, "
  "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:00'), 1) "
  "ON DUPLICATE KEY UPDATE n = n + 1")
/* The address's lookups of the last hour (a minute's count for 60 to 61
 * minutes), and the seconds until its oldest minute leaves (when the
 * limit frees a slot). */
Q(TRACK_COUNTED,
  "SELECT CAST(COALESCE(SUM(n), 0) AS SIGNED) AS n, "
  "COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), "
  "MIN(minute) + INTERVAL 61 MINUTE), 0) AS wait FROM track_counts "
  "WHERE addr = ? AND minute > UTC_TIMESTAMP() - INTERVAL 61 MINUTE",
  C(I64, n) C(I64, wait))
X(TRACK_COUNT_EXPIRE,
  "DELETE FROM track_counts WHERE minute < UTC_TIMESTAMP() - "
  "INTERVAL 1 DAY LIMIT 1000")

/* The applicant's own applications: drafts first, then the newest. */
Q(MYAPP_LIST,
  "SELECT a.id, a.code, a.status, a.due_at, a.created_at, a.submitted_at, "
  "pv.name AS procedure_name, p.code AS procedure_code, "
  "u.kind AS unit_kind, u.name AS unit_name " DB_TRACK_FROM
  "WHERE a.applicant_id = ? ORDER BY a.status = 0 DESC, "
  "COALESCE(a.submitted_at, a.created_at) DESC, a.id DESC LIMIT 500",
  C(U64, id) C(TEXT, code) C(I64, status) C(TIME, due_at)
  C(TIME, created_at) C(TIME, submitted_at) C(TEXT, procedure_name)
  C(TEXT, procedure_code) C(TEXT, unit_kind) C(TEXT, unit_name))
Q(MYAPP_GET,
  "SELECT a.id, a.code, a.status, a.version, a.due_at, a.submitted_at, "
  "a.received_at, a.supplied_at, a.channel, a.rating, a.rating_comment, "
  "a.rated_at, pv.name AS procedure_name, p.code AS procedure_code, "
  "u.kind AS unit_kind, u.name AS unit_name " DB_TRACK_FROM
  "WHERE a.code = ? AND a.applicant_id = ?",
  C(U64, id) C(TEXT, code) C(I64, status) C(U64, version) C(TIME, due_at)
  C(TIME, submitted_at) C(TIME, received_at) C(TIME, supplied_at)
  C(TEXT, channel) C(I64, rating) C(TEXT, rating_comment) C(TIME, rated_at)
  C(TEXT, procedure_name) C(TEXT, procedure_code) C(TEXT, unit_kind)
  C(TEXT, unit_name))
/* The files of one's application: one's documents, and the result once
 * it is returned (10). */
Q(MYAPP_FILES,
  "SELECT f.id, f.kind, f.filename, f.size, f.created_at FROM attachments f "
  "JOIN applications a ON a.id = f.application_id "
  "WHERE f.application_id = ? AND a.applicant_id = ? AND "
  "(f.kind = 'document' OR a.status = 10) ORDER BY f.id "
  "LIMIT 200",
  C(U64, id) C(TEXT, kind) C(TEXT, filename) C(U64, size)
  C(TIME, created_at))
/* Withdrawing (app/tracking.c says when it is allowed): the applicant's
 * own application at the version they saw. */
X(MYAPP_WITHDRAW,
  "UPDATE applications SET status = 7, version = version + 1 "
  "WHERE id = ? AND applicant_id = ? AND version = ? AND "
  "status IN (1, 2, 4, 5, 6)")
/* Rating: once, after the result is returned. */
X(MYAPP_RATE,
  "UPDATE applications SET rating = ?, rating_comment = ?, "
  "rated_at = UTC_TIMESTAMP(), version = version + 1 "
  "WHERE id = ? AND applicant_id = ? AND status = 10 AND rating IS NULL")
