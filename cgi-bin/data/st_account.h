/* Statements of accounts: sessions, users, roles, sign-in throttling,
 * reset links and the audit log.  An X-macro list (no include guard):
 * see data/db.h.  The cookie's token never reaches the database, only its
 * SHA-256; idle and absolute limits are arguments, in seconds.  A unit_id
 * of a city-wide role is NULL, read as 0. */
#define DB_LOGIN_COLS "id, pw_hash, status, phone, email, full_name"
#define DB_LOGIN_ROW \
	C(U64, id) C(TEXT, pw_hash) C(TEXT, status) C(TEXT, phone) \
	C(TEXT, email) C(TEXT, full_name)
#define DB_NOT_LOCKED \
	"(locked_until IS NULL OR locked_until <= UTC_TIMESTAMP())"
#define DB_USER_MATCH \
	"? = '' OR u.full_name LIKE ? OR u.phone LIKE ? OR u.email LIKE ?"

/* The session of a cookie, its user and the user's roles ("role:unit,...",
 * unit 0 for a city-wide role): one statement for every signed-in
 * request. */
Q(SESS_GET,
  "SELECT s.user_id, s.csrf, u.full_name, u.phone, u.email, "
  "s.last_seen < UTC_TIMESTAMP() - INTERVAL 60 SECOND AS stale, "
  "(SELECT GROUP_CONCAT(r.role, ':', r.unit_key ORDER BY r.role, "
  "r.unit_key SEPARATOR ',') FROM user_roles r WHERE r.user_id = "
  "s.user_id) AS roles "
  "FROM sessions s LEFT JOIN users u ON u.id = s.user_id "
  "WHERE s.id_hash = ? AND s.last_seen > UTC_TIMESTAMP() - INTERVAL ? "
  "SECOND AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND "
  "AND (s.user_id IS NULL OR u.status = 'active')",
  C(U64, user_id) C(TEXT, csrf) C(TEXT, full_name) C(TEXT, phone)
  C(TEXT, email) C(I64, stale) C(TEXT, roles))
X(SESS_TOUCH,
  "UPDATE sessions SET last_seen = UTC_TIMESTAMP() WHERE id_hash = ?")
X(SESS_INSERT,
  "INSERT INTO sessions (id_hash, user_id, csrf, addr, user_agent) "
  "VALUES (?, ?, ?, ?, LEFT(?, 200))")
X(SESS_DELETE, "DELETE FROM sessions WHERE id_hash = ?")
X(SESS_DELETE_OTHERS,
  "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?")
X(SESS_DELETE_USER, "DELETE FROM sessions WHERE user_id = ?")
Q(SESS_LIST,
  "SELECT id_hash, created_at, last_seen, addr, user_agent FROM sessions "
  "WHERE user_id = ? AND last_seen > UTC_TIMESTAMP() - INTERVAL ? SECOND "
  "AND created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND "
  "ORDER BY last_seen DESC LIMIT 50",
  C(TEXT, id_hash) C(TIME, created_at) C(TIME, last_seen) C(TEXT, addr)
  C(TEXT, user_agent))
/* Housekeeping, a batch at a time (app/jobs.c repeats them until none is
 * left): what no limit looks at any more. */
X(SESS_EXPIRE,
  "DELETE FROM sessions WHERE last_seen < UTC_TIMESTAMP() - INTERVAL ? "
  "SECOND OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND LIMIT 1000")
X(FAIL_EXPIRE,
  "DELETE FROM login_failures WHERE at < UTC_TIMESTAMP() - "
  "INTERVAL 1 DAY LIMIT 1000")
X(RESET_EXPIRE,
  "DELETE FROM password_resets WHERE expires_at < UTC_TIMESTAMP() - "
  "INTERVAL 1 DAY LIMIT 1000")
X(USER_INSERT,
  "INSERT INTO users (full_name, phone, email, id_sealed, id_index, "
  "id_last4, pw_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")
Q(USER_BY_PHONE,
  "SELECT " DB_LOGIN_COLS " FROM users WHERE phone = ?", DB_LOGIN_ROW)
/* Only a confirmed address signs in, resets or is written to. */
Q(USER_BY_EMAIL,
  "SELECT " DB_LOGIN_COLS " FROM users WHERE email = ? AND "
  "email_verified_at IS NOT NULL", DB_LOGIN_ROW)
Q(USER_GET,
  "SELECT id, full_name, phone, email, id_last4, status, created_at, "
  "email_verified_at IS NOT NULL AS email_verified, "
  "id_verified_at IS NOT NULL AS id_verified FROM users WHERE id = ?",
  C(U64, id) C(TEXT, full_name) C(TEXT, phone) C(TEXT, email)
  C(TEXT, id_last4) C(TEXT, status) C(TIME, created_at)
  C(I64, email_verified) C(I64, id_verified))
/* An ID number is not looked for: it is only a claim (migration 0010). */
Q(USER_TAKEN,
  "SELECT COALESCE(MAX(phone = ?), 0) AS phone, "
  "COALESCE(MAX(email = ?), 0) AS email FROM users "
  "WHERE (phone = ? OR email = ?) AND id <> ?",
  C(I64, phone) C(I64, email))
/* The other accounts claiming an ID number (its index), a bounded few,
 * with their address when confirmed. */
Q(USER_SAME_ID,
  "SELECT id, IF(email_verified_at IS NULL, NULL, email) AS email "
  "FROM users WHERE id_index = ? AND id <> ? ORDER BY id LIMIT 10",
  C(U64, id) C(TEXT, email))
X(USER_SET_PASSWORD,
  "UPDATE users SET pw_hash = ?, failed_logins = 0, locked_until = NULL "
  "WHERE id = ?")
/* A new address starts unconfirmed (assignments run left to right). */
X(USER_SET_PROFILE,
  "UPDATE users SET full_name = ?, email_verified_at = IF(email <=> ?, "
  "email_verified_at, NULL), email = ? WHERE id = ?")
X(USER_EMAIL_VERIFY,
  "UPDATE users SET email_verified_at = UTC_TIMESTAMP() WHERE id = ? AND "
  "email = ?")
X(USER_SET_STATUS, "UPDATE users SET status = ? WHERE id = ?")
/*
 * A password check is reserved before it runs (with a hash permit held, so
 * every reservation ends in a check): the reservation counts as a failure
 * until a success clears it, and only lock_after of them fit between two
 * locks, however many attempts run at once.  The row a reservation matched
 * decides (affected rows).
 */
X(USER_LOGIN_RESERVE,
  "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? AND "
  "failed_logins < ? AND " DB_NOT_LOCKED)
/* A wrong password: when the reservations are used up, the account locks
 * for lock seconds and the count starts again. */
X(USER_LOGIN_FAILED,
  "UPDATE users SET locked_until = IF(failed_logins >= ?, "
  "UTC_TIMESTAMP() + INTERVAL ? SECOND, locked_until), "
  "failed_logins = IF(failed_logins >= ?, 0, failed_logins) WHERE id = ?")
/* The right password: clears the count, unless a lock was set meanwhile
 * (then no row matches, and the sign-in is refused). */
X(USER_LOGIN_OK,
  "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ? "
  "AND " DB_NOT_LOCKED)
Q(USER_SEARCH,
  "SELECT u.id, u.full_name, u.phone, u.email, u.status, "
  "(SELECT GROUP_CONCAT(r.role ORDER BY r.role SEPARATOR ',') "
  "FROM user_roles r WHERE r.user_id = u.id) AS roles FROM users u "
  "WHERE " DB_USER_MATCH " ORDER BY u.id DESC LIMIT ? OFFSET ?",
  C(U64, id) C(TEXT, full_name) C(TEXT, phone) C(TEXT, email)
  C(TEXT, status) C(TEXT, roles))
Q(USER_COUNT,
  "SELECT COUNT(*) AS n FROM users u WHERE " DB_USER_MATCH, C(I64, n))
X(ROLE_GRANT,
  "INSERT IGNORE INTO user_roles (user_id, role, unit_id, granted_by) "
  "VALUES (?, ?, NULLIF(?, 0), ?)")
X(ROLE_REVOKE,
  "DELETE FROM user_roles WHERE user_id = ? AND role = ? AND unit_key = ?")
Q(ROLE_LIST,
  "SELECT r.role, r.unit_id, u.kind, u.name "
  "FROM user_roles r LEFT JOIN units u ON u.id = r.unit_id "
  "WHERE r.user_id = ? ORDER BY r.role, u.name",
  C(TEXT, role) C(U64, unit_id) C(TEXT, kind) C(TEXT, name))
X(FAIL_INSERT,
  "INSERT INTO login_failures (user_id, addr, name_hash) VALUES (?, ?, ?)")
/* An address's failures within the window, and seconds since its last. */
Q(FAIL_COUNT_ADDR,
  "SELECT COUNT(*) AS n, COALESCE(TIMESTAMPDIFF(SECOND, MAX(at), "
  "UTC_TIMESTAMP()), 0) AS since FROM login_failures WHERE addr = ? AND "
  "at > UTC_TIMESTAMP() - INTERVAL ? SECOND", C(I64, n) C(I64, since))
/* An address's failures on one account name within the window. */
Q(FAIL_COUNT_ADDR_NAME,
  "SELECT COUNT(*) AS n FROM login_failures WHERE addr = ? AND "
  "name_hash = ? AND at > UTC_TIMESTAMP() - INTERVAL ? SECOND", C(I64, n))
Q(FAIL_COUNT_USER,
  "SELECT COUNT(*) AS n FROM login_failures WHERE user_id = ? AND "
  "at > UTC_TIMESTAMP() - INTERVAL 1 HOUR", C(I64, n))
/* Reset requests: queued by the web (one statement, whatever the
 * address), taken one at a time by the jobs process. */
X(RESET_ASK,
  "INSERT INTO reset_requests (email, addr) VALUES (?, ?)")
QL(RESET_ASK_NEXT,
  "SELECT id, email, addr FROM reset_requests ORDER BY id LIMIT 1 "
  "FOR UPDATE SKIP LOCKED", C(U64, id) C(TEXT, email) C(TEXT, addr))
X(RESET_ASK_DONE, "DELETE FROM reset_requests WHERE id = ?")
X(RESET_INSERT,
  "INSERT INTO password_resets (token_hash, user_id, expires_at) "
  "VALUES (?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND)")
Q(RESET_COUNT,
  "SELECT COUNT(*) AS n FROM password_resets WHERE user_id = ? AND "
  "created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR", C(I64, n))
Q(RESET_GET,
  "SELECT r.user_id, u.phone, u.email FROM password_resets r JOIN "
  "users u ON u.id = r.user_id WHERE r.token_hash = ? AND "
  "r.used_at IS NULL AND r.expires_at > UTC_TIMESTAMP() AND "
  "u.status = 'active'", C(U64, user_id) C(TEXT, phone) C(TEXT, email))
X(RESET_USE,
  "UPDATE password_resets SET used_at = UTC_TIMESTAMP() WHERE "
  "token_hash = ? AND used_at IS NULL AND expires_at > UTC_TIMESTAMP()")
X(RESET_VOID,
  "UPDATE password_resets SET used_at = UTC_TIMESTAMP() WHERE "
  "user_id = ? AND used_at IS NULL")
/* Email confirmation links: like reset links, and each confirms only the
 * address it was sent to while the account still has it. */
X(CONFIRM_INSERT,
  "INSERT INTO email_confirmations (token_hash, user_id, email, "
  "expires_at) VALUES (?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND)")
Q(CONFIRM_GET,
  "SELECT c.user_id, c.email FROM email_confirmations c JOIN users u ON "
  "u.id = c.user_id AND u.email = c.email WHERE c.token_hash = ? AND "
  "c.used_at IS NULL AND c.expires_at > UTC_TIMESTAMP() AND "
  "u.status = 'active'", C(U64, user_id) C(TEXT, email))
X(CONFIRM_USE,
  "UPDATE email_confirmations SET used_at = UTC_TIMESTAMP() WHERE "
  "token_hash = ? AND used_at IS NULL AND expires_at > UTC_TIMESTAMP()")
X(CONFIRM_VOID,
  "UPDATE email_confirmations SET used_at = UTC_TIMESTAMP() WHERE "
  "user_id = ? AND used_at IS NULL")
X(CONFIRM_EXPIRE,
  "DELETE FROM email_confirmations WHERE expires_at < UTC_TIMESTAMP() - "
  "INTERVAL 1 DAY LIMIT 1000")
X(AUDIT_INSERT,
  "INSERT INTO audit_log (actor_id, action, object_type, object_id, "
  "detail, addr) VALUES (?, ?, ?, ?, LEFT(?, 500), ?)")
Q(AUDIT_LIST,
  "SELECT a.at, COALESCE(u.full_name, '') AS actor, a.action, a.detail "
  "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id "
  "WHERE a.object_type = ? AND a.object_id = ? ORDER BY a.id DESC LIMIT 20",
  C(TIME, at) C(TEXT, actor) C(TEXT, action) C(TEXT, detail))
/* Registration attempts: every POST of the form counts. */
X(REGISTER_ATTEMPT, "INSERT INTO register_attempts (addr) VALUES (?)")
Q(REGISTER_ATTEMPTS,
  "SELECT COUNT(*) AS n FROM register_attempts WHERE addr = ? AND "
  "at > UTC_TIMESTAMP() - INTERVAL 1 HOUR", C(I64, n))
X(REGISTER_ATTEMPT_EXPIRE,
  "DELETE FROM register_attempts WHERE at < UTC_TIMESTAMP() - "
  "INTERVAL 1 DAY LIMIT 1000")
