/* Statements of the notifications of applications (issue 9): the SMS of
 * a change, its sender's claims, what staff see of their delivery.  An
 * X-macro list (no include guard): see data/db.h. */
/* What the SMS of application id tells, and the applicant's phone. */
Q(NOTIFY_SMS_APP,
  "SELECT a.code, a.status, DATE_FORMAT(a.due_at, '%d/%m/%Y') AS due, "
  "u.phone FROM applications a JOIN users u ON u.id = a.applicant_id "
  "WHERE a.id = ?",
  C(TEXT, code) C(I64, status) C(TEXT, due) C(TEXT, phone))
/* Every notification of the application with code, newest first, for a
 * staff member or leader (the user, given last) of its unit. */
Q(NOTICE_LIST,
  "SELECT o.id, o.kind, o.recipient, o.subject, o.status, o.attempts, "
  "o.last_error, o.created_at, o.sent_at FROM outbox o "
  "JOIN applications a ON a.id = o.application_id "
  "WHERE a.code = ? AND a.unit_id IN (SELECT r.unit_id FROM user_roles r "
  "WHERE r.user_id = ? AND r.role IN ('staff', 'leader')) "
  "ORDER BY o.id DESC LIMIT 200",
  C(U64, id) C(TEXT, kind) C(TEXT, recipient) C(TEXT, subject)
  C(TEXT, status) C(I64, attempts) C(TEXT, last_error) C(TIME, created_at)
  C(TIME, sent_at))
/* The application with code, for a staff member or leader of its unit. */
Q(NOTICE_APP,
  "SELECT a.code, v.name AS proc_name, a.status FROM applications a "
  "JOIN procedure_versions v ON v.id = a.procedure_version "
  "WHERE a.code = ? AND a.unit_id IN (SELECT r.unit_id FROM user_roles r "
  "WHERE r.user_id = ? AND r.role IN ('staff', 'leader'))",
  C(TEXT, code) C(TEXT, proc_name) C(I64, status))
