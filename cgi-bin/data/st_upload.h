/* Statements of uploading attachments with an application (issue 8): the
 * files of one's draft or application by slot, dropping a file from
 * one's draft, and the supplement response (status 5, supplied).  Every
 * statement names the applicant.  An X-macro list (no include guard): see
 * data/db.h. */

/* The files of one's own application or draft, by slot. */
Q(UPLOAD_FILES,
  "SELECT t.id, t.slot, t.filename, t.size FROM attachments t "
  "JOIN applications a ON a.id = t.application_id "
  "WHERE t.application_id = ? AND a.applicant_id = ? ORDER BY t.id "
  "LIMIT 200",
  C(U64, id) C(TEXT, slot) C(TEXT, filename) C(U64, size))
/* Whether the application has this content in this slot already (a
 * file sent again after an error, a double click). */
Q(UPLOAD_HAS,
  "SELECT COUNT(*) AS n FROM attachments WHERE application_id = ? AND "
  "slot = ? AND sha256 = ?", C(U64, n))
/* A file of one's draft, dropped before submitting. */
X(UPLOAD_DROP,
  "DELETE t FROM attachments t JOIN applications a "
  "ON a.id = t.application_id WHERE t.id = ? AND a.id = ? AND "
  "a.applicant_id = ? AND a.status = 0")
/* The e-form of one's application (its document slots). */
Q(UPLOAD_APP_EFORM,
  "SELECT a.id, IFNULL(v.eform, '') AS eform FROM applications a "
  "JOIN procedure_versions v ON v.id = a.procedure_version "
  "WHERE a.code = ? AND a.applicant_id = ?",
  C(U64, id) C(TEXT, eform))
/* The supplement response, at the version the applicant saw: the
 * application stays at 5 (the clock stays stopped) until staff accept the
 * documents (app/desk.c, nhan-bo-sung). */
X(UPLOAD_SUPPLIED,
  "UPDATE applications SET supplied_at = UTC_TIMESTAMP(), "
  "version = version + 1 "
  "WHERE id = ? AND applicant_id = ? AND status = 5 AND version = ?")
