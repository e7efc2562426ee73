/* Statements of the one-stop desk's page of one application and its
 * transitions (issue 9: app/desk.c, h/h_desk_app.c).  An X-macro list (no
 * include guard): see data/db.h.  Every statement that reads an
 * application for the desk names the user's unit through user_roles, so
 * that another unit's application is "not found". */
#define DB_DESK_MINE \
	"a.unit_id IN (SELECT r.unit_id FROM user_roles r WHERE " \
	"r.user_id = ? AND r.role IN ('staff', 'leader'))"

/* The application of code, for staff or a leader of its unit. */
Q(DESK_APP_GET,
  "SELECT a.id, a.code, a.status, a.version, a.unit_id, a.channel, "
  "a.form_data, a.due_at, a.submitted_at, a.received_at, a.paused_at, "
  "a.supplied_at, a.decided_at, a.approved_at, "
  "CAST(IFNULL(a.fee_amount, 0) AS UNSIGNED) AS fee_amount, "
  "IFNULL(a.returned_via, '') AS returned_via, a.late_at, "
  "CAST(IFNULL(a.assignee_id, 0) AS UNSIGNED) AS assignee_id, "
  "s.full_name AS assignee_name, ap.full_name AS approver_name, "
  "us.full_name AS applicant_name, us.phone AS applicant_phone, "
  "us.email AS applicant_email, pv.name AS procedure_name, "
  "p.code AS procedure_code, IFNULL(pv.eform, '') AS eform, "
  "u.kind AS unit_kind, u.name AS unit_name, "
  "u.result_approval AS result_approval, "
  "(SELECT COUNT(*) FROM attachments t WHERE t.application_id = a.id "
  "AND t.kind = 'result') AS results "
  "FROM applications a "
  "JOIN procedure_versions pv ON pv.id = a.procedure_version "
  "JOIN procedures p ON p.id = pv.procedure_id "
  "JOIN units u ON u.id = a.unit_id "
  "JOIN users us ON us.id = a.applicant_id "
  "LEFT JOIN users s ON s.id = a.assignee_id "
  "LEFT JOIN users ap ON ap.id = a.approved_by "
  "WHERE a.code = ? AND a.status <> 0 AND " DB_DESK_MINE,
  C(U64, id) C(TEXT, code) C(I64, status) C(U64, version) C(U64, unit_id)
  C(TEXT, channel) C(TEXT, form_data) C(TIME, due_at) C(TIME, submitted_at)
  C(TIME, received_at) C(TIME, paused_at) C(TIME, supplied_at)
  C(TIME, decided_at) C(TIME, approved_at) C(U64, fee_amount)
  C(TEXT, returned_via) C(TIME, late_at) C(U64, assignee_id)
  C(TEXT, assignee_name) C(TEXT, approver_name) C(TEXT, applicant_name)
  C(TEXT, applicant_phone) C(TEXT, applicant_email) C(TEXT, procedure_name)
  C(TEXT, procedure_code) C(TEXT, eform) C(TEXT, unit_kind)
  C(TEXT, unit_name) C(I64, result_approval) C(I64, results))
/* The transition's view of the application, locked for its transaction:
 * what the rules of app/desk.c look at. */
QL(DESK_LOCK,
  "SELECT a.status, a.version, a.unit_id, a.code, "
  "CAST(IFNULL(pv.processing_days, -1) AS SIGNED) AS processing_days, "
  "a.due_at, a.paused_at, "
  "a.supplied_at IS NOT NULL AS supplied, "
  "a.approved_at IS NOT NULL AS approved, "
  "u.result_approval AS result_approval, "
  "(SELECT COUNT(*) FROM attachments t WHERE t.application_id = a.id "
  "AND t.kind = 'result') AS results "
  "FROM applications a "
  "JOIN procedure_versions pv ON pv.id = a.procedure_version "
  "JOIN units u ON u.id = a.unit_id WHERE a.id = ? FOR UPDATE",
  C(I64, status) C(U64, version) C(U64, unit_id) C(TEXT, code)
  C(I64, processing_days) C(TIME, due_at) C(TIME, paused_at)
  C(I64, supplied) C(I64, approved) C(I64, result_approval)
  C(I64, results))
/* The user's roles (staff, leader) in a unit. */
Q(DESK_ROLES,
  "SELECT role FROM user_roles WHERE user_id = ? AND unit_id = ? AND "
  "role IN ('staff', 'leader')", C(TEXT, role))
/* The active staff of a unit: who may be assigned an application. */
Q(DESK_STAFF_LIST,
  "SELECT u.id, u.full_name FROM users u JOIN user_roles r "
  "ON r.user_id = u.id WHERE r.unit_id = ? AND r.role = 'staff' AND "
  "u.status = 'active' ORDER BY u.full_name, u.id LIMIT 500",
  C(U64, id) C(TEXT, full_name))
Q(DESK_STAFF_ONE,
  "SELECT u.full_name FROM users u JOIN user_roles r "
  "ON r.user_id = u.id WHERE u.id = ? AND r.unit_id = ? AND "
  "r.role = 'staff' AND u.status = 'active'", C(TEXT, full_name))
/* The full history, internal notes included, oldest first. */
Q(DESK_EVENTS,
  "SELECT e.from_status, e.to_status, e.kind, e.internal, e.at, e.note, "
  "e.due_at, IFNULL(u.full_name, '') AS actor "
  "FROM application_events e LEFT JOIN users u ON u.id = e.actor_id "
  "WHERE e.application_id = ? ORDER BY e.id LIMIT 1000",
  C(I64, from_status) C(I64, to_status) C(TEXT, kind) C(I64, internal)
  C(TIME, at) C(TEXT, note) C(TIME, due_at) C(TEXT, actor))
/* Every file: the applicant's documents and the results. */
Q(DESK_FILES,
  "SELECT t.id, t.slot, t.kind, t.filename, t.size, t.created_at "
  "FROM attachments t WHERE t.application_id = ? ORDER BY t.id LIMIT 500",
  C(U64, id) C(TEXT, slot) C(TEXT, kind) C(TEXT, filename) C(U64, size)
  C(TIME, created_at))
/* An event of any kind (0015_desk.sql): the timeline's row. */
X(DESK_EVENT_ADD,
  "INSERT INTO application_events (application_id, actor_id, "
  "from_status, to_status, kind, internal, note, due_at) "
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
/* A stored file marked as the result, uploaded by staff. */
X(DESK_RESULT_MARK,
  "UPDATE attachments SET kind = 'result', added_by = ? WHERE id = ?")

/* The transitions, one statement each; every one names the version the
 * page showed and the statuses it starts from (app/desk.c's table). */
X(DESK_RECEIVE,
  "UPDATE applications SET status = 2, received_at = UTC_TIMESTAMP(), "
  "due_at = COALESCE(?, due_at), version = version + 1 "
  "WHERE id = ? AND version = ? AND status = 1")
X(DESK_REFUSE,
  "UPDATE applications SET status = 3, decided_at = UTC_TIMESTAMP(), "
  "version = version + 1 WHERE id = ? AND version = ? AND status = 1")
X(DESK_ASSIGN,
  "UPDATE applications SET status = 4, assignee_id = ?, "
  "version = version + 1 WHERE id = ? AND version = ? AND status IN (2, 4)")
X(DESK_ASK_SUPPLEMENT,
  "UPDATE applications SET status = 5, paused_at = UTC_TIMESTAMP(), "
  "supplied_at = NULL, version = version + 1 "
  "WHERE id = ? AND version = ? AND status IN (2, 4)")
X(DESK_ACCEPT_SUPPLEMENT,
  "UPDATE applications SET status = 4, due_at = COALESCE(?, due_at), "
  "paused_at = NULL, supplied_at = NULL, version = version + 1 "
  "WHERE id = ? AND version = ? AND status = 5 AND supplied_at IS NOT NULL")
X(DESK_ASK_PAYMENT,
  "UPDATE applications SET status = 6, fee_amount = ?, "
  "version = version + 1 WHERE id = ? AND version = ? AND status = 4")
X(DESK_PAID,
  "UPDATE applications SET status = 4, version = version + 1 "
  "WHERE id = ? AND version = ? AND status = 6")
X(DESK_STOP,
  "UPDATE applications SET status = 8, decided_at = UTC_TIMESTAMP(), "
  "paused_at = NULL, version = version + 1 "
  "WHERE id = ? AND version = ? AND status IN (4, 5, 6)")
/* A new result voids an approval given to the previous one. */
X(DESK_RESULT,
  "UPDATE applications SET approved_by = NULL, approved_at = NULL, "
  "version = version + 1 WHERE id = ? AND version = ? AND status = 4")
X(DESK_APPROVE,
  "UPDATE applications SET approved_by = ?, approved_at = UTC_TIMESTAMP(), "
  "version = version + 1 WHERE id = ? AND version = ? AND status = 4")
X(DESK_FINISH,
  "UPDATE applications SET status = 9, decided_at = UTC_TIMESTAMP(), "
  "version = version + 1 WHERE id = ? AND version = ? AND status = 4")
X(DESK_RETURN,
  "UPDATE applications SET status = 10, returned_via = ?, "
  "version = version + 1 WHERE id = ? AND version = ? AND status = 9")
X(DESK_APOLOGY,
  "UPDATE applications SET due_at = ?, late_at = NULL, "
  "version = version + 1 WHERE id = ? AND version = ? AND "
  "status IN (1, 2, 4, 5, 6)")
/* A note or a message changes nothing of the application but its
 * version, so that a page shown before it is told (409). */
X(DESK_TOUCH,
  "UPDATE applications SET version = version + 1 "
  "WHERE id = ? AND version = ? AND status <> 0")
