/* Statements of the one-stop desk's printable forms (Mẫu 01-05) and of
 * counter intake (issue 9, part D).  Every statement on an application
 * names the unit that authorization found and the staff member or
 * leader: another unit's is "not found".  An X-macro list (no include
 * guard): see data/db.h. */

/* An application of unit ? that user ? serves as staff or leader, with
 * what every form shows of it. */
Q(FORM_APP,
  "SELECT a.id, a.code, a.status, a.channel, a.submitted_at, "
  "a.received_at, a.decided_at, "
  "IFNULL(DATE_FORMAT(a.due_at, '%d/%m/%Y'), '') AS due, "
  "v.name AS proc_name, p.code AS proc_code, "
  "CAST(IFNULL(v.processing_days, -1) AS SIGNED) AS processing_days, "
  "IFNULL(v.eform, '') AS eform, u.kind AS unit_kind, "
  "u.name AS unit_name, s.full_name, IFNULL(s.phone, '') AS phone "
  "FROM applications a "
  "JOIN procedure_versions v ON v.id = a.procedure_version "
  "JOIN procedures p ON p.id = v.procedure_id "
  "JOIN units u ON u.id = a.unit_id JOIN users s ON s.id = a.applicant_id "
  "WHERE a.code = ? AND a.unit_id = ? AND a.status > 0 AND EXISTS "
  "(SELECT 1 FROM user_roles r WHERE r.user_id = ? AND "
  "r.unit_id = a.unit_id AND r.role IN ('staff', 'leader'))",
  C(U64, id) C(TEXT, code) C(U64, status) C(TEXT, channel)
  C(TIME, submitted_at) C(TIME, received_at) C(TIME, decided_at)
  C(TEXT, due) C(TEXT, proc_name) C(TEXT, proc_code)
  C(I64, processing_days) C(TEXT, eform) C(TEXT, unit_kind)
  C(TEXT, unit_name) C(TEXT, full_name) C(TEXT, phone))
/* The newest change of application ? to status ?: its note (the reason
 * of Mẫu 02, 03, 05), when, and who made it. */
Q(FORM_EVENT_TO,
  "SELECT e.note, e.at, IFNULL(s.full_name, '') AS actor "
  "FROM application_events e LEFT JOIN users s ON s.id = e.actor_id "
  "WHERE e.application_id = ? AND e.kind = 'status' AND e.to_status = ? "
  "ORDER BY e.id DESC LIMIT 1",
  C(TEXT, note) C(TIME, at) C(TEXT, actor))
/* The newest apology (Mẫu 04) of application ?: its note, the new
 * appointment, when, who. */
Q(FORM_APOLOGY,
  "SELECT e.note, IFNULL(DATE_FORMAT(e.due_at, '%d/%m/%Y'), '') AS due, "
  "e.at, IFNULL(s.full_name, '') AS actor "
  "FROM application_events e LEFT JOIN users s ON s.id = e.actor_id "
  "WHERE e.application_id = ? AND e.kind = 'apology' "
  "ORDER BY e.id DESC LIMIT 1",
  C(TEXT, note) C(TEXT, due) C(TIME, at) C(TEXT, actor))
/* The documents of application ? (not the result), by slot. */
Q(FORM_FILES,
  "SELECT slot, filename FROM attachments WHERE application_id = ? AND "
  "kind = 'document' ORDER BY id LIMIT 200",
  C(TEXT, slot) C(TEXT, filename))
/* The current units where user ? is staff: those of counter intake. */
Q(INTAKE_UNITS,
  "SELECT u.id, u.kind, u.name FROM user_roles r "
  "JOIN units u ON u.id = r.unit_id WHERE r.user_id = ? AND "
  "r.role = 'staff' AND u.valid_to IS NULL ORDER BY u.name",
  C(U64, id) C(TEXT, kind) C(TEXT, name))
/* The version in force of a published procedure, by its code. */
Q(INTAKE_PROC,
  "SELECT v.id AS version_id, v.name, "
  "CAST(IFNULL(v.processing_days, -1) AS SIGNED) AS processing_days, "
  "IFNULL(v.eform, '') AS eform "
  "FROM procedures p JOIN procedure_versions v ON v.id = p.current_version "
  "WHERE p.code = ? AND v.published = 1",
  C(U64, version_id) C(TEXT, name) C(I64, processing_days)
  C(TEXT, eform))
/* The application a counter form's one-time key registered, if any. */
Q(INTAKE_BY_KEY,
  "SELECT code FROM applications WHERE idem_key = ? AND "
  "channel = 'counter'",
  C(TEXT, code))
/* The application received at the counter (status 2): code, version,
 * unit (a current one), applicant, key, submitted = received = ?, due. */
X(INTAKE_INSERT,
  "INSERT INTO applications (code, procedure_version, unit_id, "
  "applicant_id, channel, status, idem_key, submitted_at, received_at, "
  "due_at) SELECT ?, ?, u.id, ?, 'counter', 2, ?, FROM_UNIXTIME(?), "
  "FROM_UNIXTIME(?), ? FROM units u WHERE u.id = ? AND u.valid_to IS NULL")
/* The documents scanned at the counter were added by staff member ?. */
X(INTAKE_FILES_BY,
  "UPDATE attachments SET added_by = ? WHERE application_id = ? AND "
  "added_by IS NULL")
