/* Statements of applying online (issue 8): the procedure's e-form, the
 * resident's drafts and submissions, the daily sequence of codes, the
 * calendar and the receipt.  Every statement on an application names its
 * applicant: another's is "not found".  An X-macro list (no include
 * guard): see data/db.h. */

/* The version in force of a procedure that has an e-form;
 * processing_days -1 while unpublished. */
Q(APPLY_PROC,
  "SELECT p.id AS procedure_id, v.id AS version_id, v.name, "
  "CAST(IFNULL(v.processing_days, -1) AS SIGNED) AS processing_days, "
  "v.eform "
  "FROM procedures p JOIN procedure_versions v ON v.id = p.current_version "
  "WHERE p.code = ? AND v.eform IS NOT NULL",
  C(U64, procedure_id) C(U64, version_id) C(TEXT, name)
  C(I64, processing_days) C(TEXT, eform))
/* The applicant's application with this one-time key, if any. */
Q(APP_BY_IDEM,
  "SELECT id, code, status FROM applications "
  "WHERE applicant_id = ? AND idem_key = ?",
  C(U64, id) C(TEXT, code) C(U64, status))
/* The applicant's draft of the procedure. */
Q(APP_DRAFT_GET,
  "SELECT a.id, a.unit_id, a.form_data, a.idem_key FROM applications a "
  "JOIN procedure_versions v ON v.id = a.procedure_version "
  "WHERE a.id = ? AND a.applicant_id = ? AND a.status = 0 AND "
  "v.procedure_id = ?",
  C(U64, id) C(U64, unit_id) C(TEXT, form_data) C(TEXT, idem_key))
/* A new draft in a current unit. */
X(APP_DRAFT_INSERT,
  "INSERT INTO applications (procedure_version, unit_id, applicant_id, "
  "status, form_data, idem_key) SELECT ?, u.id, ?, 0, ?, ? FROM units u "
  "WHERE u.id = ? AND u.valid_to IS NULL")
X(APP_DRAFT_UPDATE,
  "UPDATE applications SET procedure_version = ?, unit_id = ?, "
  "form_data = ?, version = version + 1 "
  "WHERE id = ? AND applicant_id = ? AND status = 0")
/* The unit's next number of the day, in the submitting transaction: the
 * row stays locked until commit, a rollback gives the number back. */
X(APP_SEQ_NEXT,
  "INSERT INTO application_seq (unit_id, day, last) "
  "VALUES (?, ?, LAST_INSERT_ID(1)) "
  "ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)")
QL(APP_SEQ_LAST, "SELECT LAST_INSERT_ID() AS n", C(U64, n))
Q(APP_UNIT,
  "SELECT id, code FROM units WHERE id = ? AND valid_to IS NULL",
  C(U64, id) C(TEXT, code))
X(APP_SUBMIT_INSERT,
  "INSERT INTO applications (code, procedure_version, unit_id, "
  "applicant_id, assisted_by, status, form_data, idem_key, submitted_at, "
  "due_at) VALUES (?, ?, ?, ?, NULLIF(?, 0), 1, ?, ?, FROM_UNIXTIME(?), ?)")
/* The code of a submitted application, written last in its transaction
 * (app/application.c): the unit's sequence row that APP_SEQ_NEXT locks
 * stays locked only for the end of it, not for the rows and files. */
X(APP_SET_CODE, "UPDATE applications SET code = ? WHERE id = ?")
X(APP_SUBMIT_DRAFT,
  "UPDATE applications SET code = ?, procedure_version = ?, unit_id = ?, "
  "status = 1, form_data = ?, submitted_at = FROM_UNIXTIME(?), "
  "due_at = ?, version = version + 1 "
  "WHERE id = ? AND applicant_id = ? AND status = 0")
/* What a mail about application ? says, and where it goes: the
 * applicant's address when confirmed (app/event.c). */
Q(NOTIFY_APP,
  "SELECT a.code, v.name AS proc_name, a.status, "
  "DATE_FORMAT(a.due_at, '%d/%m/%Y') AS due, "
  "IF(u.email_verified_at IS NULL, NULL, u.email) AS email "
  "FROM applications a JOIN procedure_versions v ON v.id = "
  "a.procedure_version JOIN users u ON u.id = a.applicant_id "
  "WHERE a.id = ?",
  C(TEXT, code) C(TEXT, proc_name) C(I64, status) C(TEXT, due)
  C(TEXT, email))
/* Days off from a day on (days since 1970-01-01). */
Q(HOLIDAYS_FROM,
  "SELECT DATEDIFF(day, '1970-01-01') AS n FROM holidays "
  "WHERE day >= '1970-01-01' + INTERVAL ? DAY ORDER BY day",
  C(I64, n))
/* The receipt of one's own submitted application, or of one the user
 * submitted for its applicant (assisted_by). */
Q(APP_RECEIPT,
  "SELECT a.id, a.code, a.status, a.form_data, a.submitted_at, "
  "IFNULL(CAST(a.due_at AS CHAR), '') AS due, v.name AS proc_name, "
  "p.code AS proc_code, "
  "CAST(IFNULL(v.processing_days, -1) AS SIGNED) AS processing_days, "
  "v.eform, u.kind AS unit_kind, u.name AS unit_name, "
  "s.full_name, s.phone FROM applications a "
  "JOIN procedure_versions v ON v.id = a.procedure_version "
  "JOIN procedures p ON p.id = v.procedure_id "
  "JOIN units u ON u.id = a.unit_id JOIN users s ON s.id = a.applicant_id "
  "WHERE a.code = ? AND ? IN (a.applicant_id, a.assisted_by) AND "
  "a.status > 0",
  C(U64, id) C(TEXT, code) C(U64, status) C(TEXT, form_data)
  C(TIME, submitted_at) C(TEXT, due) C(TEXT, proc_name) C(TEXT, proc_code)
  C(I64, processing_days) C(TEXT, eform) C(TEXT, unit_kind)
  C(TEXT, unit_name) C(TEXT, full_name) C(TEXT, phone))
/* portalctl seed: a procedure's e-form, on the versions that exist. */
X(SEED_EFORM,
  "UPDATE procedure_versions v JOIN procedures p ON p.id = v.procedure_id "
  "SET v.eform = ? WHERE p.code = ? AND p.current_version = v.id")
