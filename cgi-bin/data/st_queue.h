/* Statements of the one-stop desk's queue, its register (Sổ theo dõi hồ
 * sơ, Mẫu 07) and the overdue job (issue 9, part B).  Every statement on
 * a unit's applications names the unit, chosen among the person's own
 * (h/h_desk.c).  An X-macro list (no include guard): see data/db.h. */

/* The units where the user is staff or leader, one row a role. */
Q(DESK_UNITS,
  "SELECT r.unit_id, u.slug, u.kind, u.name, r.role "
  "FROM user_roles r JOIN units u ON u.id = r.unit_id "
  "WHERE r.user_id = ? AND r.role IN ('staff', 'leader') "
  "ORDER BY u.name, r.unit_id",
  C(U64, unit_id) C(TEXT, slug) C(TEXT, kind) C(TEXT, name) C(TEXT, role))
/* The staff and leaders of unit ?: the assignee filter's choices. */
Q(DESK_STAFF,
  "SELECT DISTINCT u.id, u.full_name FROM user_roles r "
  "JOIN users u ON u.id = r.user_id "
  "WHERE r.unit_id = ? AND r.role IN ('staff', 'leader') "
  "ORDER BY u.full_name, u.id",
  C(U64, id) C(TEXT, full_name))
Q(DESK_PROC,
  "SELECT id FROM procedures WHERE code = ?",
  C(U64, id))
/*
 * The queue's filter, parameters in this order: unit; status (0: any),
 * twice; procedure id (0: any), twice; channel ('': any), twice; assignee
 * (0: any), twice; due window (0: none; else the clock runs, 2, 4 or 6,
 * and the appointment is between the two days), then the days.  A
 * parameter that is 0 or '' makes its term TRUE when the statement is
 * executed.  Every column named is in both keys of migration 0017, so
 * the filter is judged from the key alone.
 */
#define DB_QUEUE_MATCH \
  "a.unit_id = ? AND a.status >= 1 AND (? = 0 OR a.status = ?) AND " \
  "(? = 0 OR a.procedure_version IN (SELECT pv.id FROM " \
  "procedure_versions pv WHERE pv.procedure_id = ?)) AND " \
  "(? = '' OR a.channel = ?) AND (? = 0 OR a.assignee_id = ?) AND " \
  "(? = 0 OR (a.status IN (2, 4, 6) AND a.due_at BETWEEN ? AND ?))"
/* The order of the page: the appointment date, then the keys' order. */
#define DB_QUEUE_ORDER(t) \
  t ".due_at, " t ".status, " t ".channel, " t ".assignee_id, " \
  t ".procedure_version, " t ".id"
#define DB_QUEUE_COLS \
  "a.id, a.code, v.name AS proc_name, p.full_name AS applicant, " \
  "a.channel, a.status, a.submitted_at, a.due_at, " \
  "s.full_name AS assignee, a.late_at"
#define DB_QUEUE_JOIN \
  "JOIN procedure_versions v ON v.id = a.procedure_version " \
  "JOIN users p ON p.id = a.applicant_id " \
  "LEFT JOIN users s ON s.id = a.assignee_id"
#define DB_QUEUE_ROW \
  C(U64, id) C(TEXT, code) C(TEXT, proc_name) C(TEXT, applicant) \
  C(TEXT, channel) C(U64, status) C(TIME, submitted_at) C(TIME, due_at) \
  C(TEXT, assignee) C(TIME, late_at)
/* A page of the applications that have an appointment date, earliest
 * first: the page's keys from index key alone (in its order, no sort),
 * then their rows.  key: applications_unit_due without a status filter,
 * applications_queue_cover with one (QUEUE_PAGE_STATUS). */
#define DB_QUEUE_PAGE(key) \
  "SELECT " DB_QUEUE_COLS " FROM (SELECT a.id, a.due_at, a.status, " \
  "a.channel, a.assignee_id, a.procedure_version FROM applications a " \
  "FORCE INDEX (" key ") WHERE " DB_QUEUE_MATCH " AND " \
  "a.due_at IS NOT NULL ORDER BY " DB_QUEUE_ORDER("a") " LIMIT ? " \
  "OFFSET ?) k JOIN applications a ON a.id = k.id " DB_QUEUE_JOIN \
  " ORDER BY " DB_QUEUE_ORDER("k")
Q(QUEUE_PAGE, DB_QUEUE_PAGE("applications_unit_due"), DB_QUEUE_ROW)
Q(QUEUE_PAGE_STATUS, DB_QUEUE_PAGE("applications_queue_cover"),
  DB_QUEUE_ROW)
/* Then those without one (few: the key's NULLs of the unit). */
Q(QUEUE_NODUE,
  "SELECT " DB_QUEUE_COLS " FROM applications a " DB_QUEUE_JOIN
  " WHERE " DB_QUEUE_MATCH " AND a.due_at IS NULL ORDER BY a.id "
  "LIMIT ? OFFSET ?",
  DB_QUEUE_ROW)
/* How many match, and how many of those have no appointment date: an
 * index-only scan, for a filter other than the status alone (which
 * QUEUE_STATUS_COUNTS answers). */
Q(QUEUE_COUNT,
  "SELECT COUNT(*) AS n, CAST(IFNULL(SUM(a.due_at IS NULL), 0) AS SIGNED) "
  "AS nodue FROM applications a FORCE INDEX (applications_queue_cover) "
  "WHERE " DB_QUEUE_MATCH,
  C(I64, n) C(I64, nodue))
/* The unit's submitted applications by status, and how many of them have
 * no appointment date: kept by the triggers of migration 0027, a row a
 * status (counting the unit's keys read 55,000 entries a page). */
Q(QUEUE_STATUS_COUNTS,
  "SELECT status, n, nodue FROM application_counts "
  "WHERE unit_id = ? AND status >= 1 ORDER BY status",
  C(U64, status) C(I64, n) C(I64, nodue))

/* The register: the applications of unit ? received in [?, ?) (UTC
 * seconds), in the order received (applications_received). */
#define DB_REG_MATCH \
  "a.unit_id = ? AND a.received_at >= FROM_UNIXTIME(?) AND " \
  "a.received_at < FROM_UNIXTIME(?)"
Q(REG_COUNT,
  "SELECT COUNT(*) AS n FROM applications a WHERE " DB_REG_MATCH,
  C(I64, n))
Q(REG_PAGE,
  "SELECT a.id, a.code, v.name AS proc_name, p.full_name AS applicant, "
  "p.phone, a.received_at, a.due_at, a.decided_at, "
  "(SELECT MAX(e.at) FROM application_events e WHERE "
  "e.application_id = a.id AND e.kind = 'status' AND e.to_status = 10) "
  "AS returned_at, a.status, a.late_at, a.returned_via "
  "FROM applications a JOIN procedure_versions v ON "
  "v.id = a.procedure_version JOIN users p ON p.id = a.applicant_id "
  "WHERE " DB_REG_MATCH " ORDER BY a.received_at, a.id LIMIT ? OFFSET ?",
  C(U64, id) C(TEXT, code) C(TEXT, proc_name) C(TEXT, applicant)
  C(TEXT, phone) C(TIME, received_at) C(TIME, due_at) C(TIME, decided_at)
  C(TIME, returned_at) C(U64, status) C(TIME, late_at)
  C(TEXT, returned_via))

/* The overdue job (app/late.c): a batch of applications whose clock runs
 * (2, 4, 6: not 5, paused while the applicant supplements) and whose
 * appointment is before day ?, not yet marked; locked, skipping those
 * another run holds (applications_due, read in its order: no sort). */
QL(LATE_PICK,
  "SELECT id, status, DATE_FORMAT(due_at, '%d/%m/%Y') AS due "
  "FROM applications WHERE status IN (2, 4, 6) AND due_at < ? AND "
  "late_at IS NULL LIMIT ? FOR UPDATE SKIP LOCKED",
  C(U64, id) C(U64, status) C(TEXT, due))
X(LATE_MARK,
  "UPDATE applications SET late_at = UTC_TIMESTAMP() "
  "WHERE id = ? AND late_at IS NULL")
/* The timeline's 'late' event: no actor (the job), from = to. */
X(LATE_EVENT,
  "INSERT INTO application_events (application_id, actor_id, "
  "from_status, to_status, kind, note) VALUES (?, NULL, ?, ?, 'late', ?)")
