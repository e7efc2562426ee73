/* Statements of assisted submission (issue 8): a community
 * digital-technology team member submits for a resident who is present.
 * An X-macro list (no include guard): see data/db.h. */

/* The active account with this (normalised) phone number: the resident
 * a member submits for. */
Q(ASSIST_RESIDENT,
  "SELECT id, full_name FROM users WHERE phone = ? AND status = 'active'",
  C(U64, id) C(TEXT, full_name))
/* The name of the member who submitted an application for its applicant;
 * no row when it was not assisted.  Callers have authorized the
 * application already. */
Q(ASSIST_HELPER,
  "SELECT h.full_name FROM applications a "
  "JOIN users h ON h.id = a.assisted_by WHERE a.id = ?",
  C(TEXT, full_name))
/* The current units where the user is a member of the digital team. */
Q(ASSIST_UNITS,
  "SELECT u.id, u.kind, u.name FROM user_roles r "
  "JOIN units u ON u.id = r.unit_id "
  "WHERE r.user_id = ? AND r.role = 'digital' AND u.valid_to IS NULL "
  "ORDER BY u.name",
  C(U64, id) C(TEXT, kind) C(TEXT, name))
