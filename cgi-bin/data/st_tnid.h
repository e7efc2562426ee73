/* Statements of sign-in with Thái Nguyên ID (issue 10; app/tnid.c): the
 * login states, spent nonces, the links between accounts and the
 * provider's subjects, the links awaiting the resident's confirmation,
 * the ID token a session was opened with.  An X-macro list (no include
 * guard): see data/db.h.  Hashes are hex SHA-256; lifetimes are
 * arguments, in seconds. */

/* A login state: its state, the browser it belongs to, the nonce and the
 * PKCE verifier. */
X(TNID_LOGIN_INSERT,
  "INSERT INTO oidc_logins (state_hash, browser_hash, nonce, verifier, "
  "return_to, link_user, expires_at) VALUES (?, ?, ?, ?, ?, ?, "
  "UTC_TIMESTAMP() + INTERVAL ? SECOND)")
/* The logins a browser has outstanding, and the oldest of them dropped:
 * a browser keeps a few, never a pile. */
Q(TNID_LOGIN_COUNT,
  "SELECT COUNT(*) AS n FROM oidc_logins WHERE browser_hash = ? AND "
  "used_at IS NULL AND expires_at > UTC_TIMESTAMP()", C(I64, n))
X(TNID_LOGIN_DROP_OLDEST,
  "DELETE FROM oidc_logins WHERE browser_hash = ? AND used_at IS NULL "
  "ORDER BY created_at LIMIT 1")
Q(TNID_LOGIN_GET,
  "SELECT browser_hash, nonce, verifier, return_to, "
  "link_user, "
  "expires_at <= UTC_TIMESTAMP() AS expired, used_at IS NOT NULL AS used "
  "FROM oidc_logins WHERE state_hash = ?",
  C(TEXT, browser_hash) C(TEXT, nonce) C(TEXT, verifier) C(TEXT, return_to)
  C(U64, link_user) C(I64, expired) C(I64, used))
/* Spends a state: one request only gets the row (affected rows 1). */
X(TNID_LOGIN_USE,
  "UPDATE oidc_logins SET used_at = UTC_TIMESTAMP() WHERE state_hash = ? "
  "AND used_at IS NULL")
/* A nonce, spent: a second insert is a duplicate. */
X(TNID_NONCE_SPEND,
  "INSERT INTO oidc_nonces (nonce_hash, expires_at) VALUES (?, "
  "UTC_TIMESTAMP() + INTERVAL ? SECOND)")
/* Housekeeping, a batch at a time. */
X(TNID_LOGIN_EXPIRE,
  "DELETE FROM oidc_logins WHERE expires_at < UTC_TIMESTAMP() - "
  "INTERVAL 1 DAY LIMIT 1000")
X(TNID_NONCE_EXPIRE,
  "DELETE FROM oidc_nonces WHERE expires_at < UTC_TIMESTAMP() LIMIT 1000")
X(TNID_PENDING_EXPIRE,
  "DELETE FROM oidc_pending WHERE expires_at < UTC_TIMESTAMP() LIMIT 1000")

/* The account a subject of the issuer is linked to. */
Q(TNID_LINK_FIND,
  "SELECT l.user_id, u.status FROM oidc_links l "
  "JOIN users u ON u.id = l.user_id WHERE l.issuer = ? AND l.sub = ?",
  C(U64, user_id) C(TEXT, status))
/* An account's link to the issuer, if any. */
Q(TNID_LINK_OF_USER,
  "SELECT sub, created_at FROM oidc_links WHERE user_id = ? AND issuer = ?",
  C(TEXT, sub) C(TIME, created_at))
X(TNID_LINK_INSERT,
  "INSERT INTO oidc_links (issuer, sub, user_id) VALUES (?, ?, ?)")
X(TNID_LINK_DELETE,
  "DELETE FROM oidc_links WHERE user_id = ? AND issuer = ?")
/* The account whose verified ID number has this index. */
Q(TNID_USER_BY_VERIFIED_ID,
  "SELECT id, status FROM users WHERE id_verified_index = ?",
  C(U64, id) C(TEXT, status))
/* A resident's account made from the provider's claims: the ID number,
 * when given, verified by the provider. */
X(TNID_USER_INSERT,
  "INSERT INTO users (full_name, phone, id_sealed, id_index, id_last4, "
  "id_verified_at, id_verified_index) VALUES (?, ?, ?, ?, ?, "
  "IF(? IS NULL, NULL, UTC_TIMESTAMP()), ?)")
/* Whether an account can sign in without the provider. */
Q(TNID_USER_HAS_PASSWORD,
  "SELECT pw_hash IS NOT NULL AS has_password FROM users WHERE id = ?",
  C(I64, has_password))

/* A first sign-in awaiting the confirmation of the account that has its
 * verified ID number, one per browser. */
X(TNID_PENDING_PUT,
  "REPLACE INTO oidc_pending (browser_hash, issuer, sub, user_id, "
  "expires_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND)")
Q(TNID_PENDING_GET,
  "SELECT issuer, sub, user_id FROM oidc_pending WHERE browser_hash = ? "
  "AND user_id = ? AND expires_at > UTC_TIMESTAMP()",
  C(TEXT, issuer) C(TEXT, sub) C(U64, user_id))
X(TNID_PENDING_DELETE,
  "DELETE FROM oidc_pending WHERE browser_hash = ?")

/* The ID token of a session opened through the provider (its sign-out
 * hint); deleted with the session. */
X(TNID_SESS_PUT,
  "INSERT INTO oidc_sessions (id_hash, id_token) VALUES (?, ?)")
Q(TNID_SESS_GET,
  "SELECT id_token FROM oidc_sessions WHERE id_hash = ?",
  C(TEXT, id_token))
