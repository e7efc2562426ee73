/* Statements of the outbox (mail written in the transaction of the change
 * it announces, delivered by the jobs process).  An X-macro list (no
 * include guard): see data/db.h. */
/* kind ('email', 'sms'), the application it tells about (NULL: none). */
X(OUTBOX_INSERT,
  "INSERT INTO outbox (kind, application_id, recipient, subject, body, "
  "next_attempt_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())")
/* Rows of kind ? (email, sms) due to be sent, at most ?, skipping those
 * another sender holds: those never tried first, so that a backlog of
 * retries (a gateway down a while) never holds back a new message. */
QL(OUTBOX_DUE,
  "SELECT id, recipient, subject, body, attempts FROM outbox "
  "WHERE status IN ('pending', 'sending') AND kind = ? "
  "AND next_attempt_at <= UTC_TIMESTAMP() AND (claimed_until IS NULL "
  "OR claimed_until < UTC_TIMESTAMP()) ORDER BY attempts, id LIMIT ? "
  "FOR UPDATE SKIP LOCKED",
  C(U64, id) C(TEXT, recipient) C(TEXT, subject) C(TEXT, body)
  C(I64, attempts))
X(OUTBOX_CLAIM,
  "UPDATE outbox SET status = 'sending', "
  "claimed_until = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = ?")
X(OUTBOX_SENT,
  "UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(), "
  "claimed_until = NULL WHERE id = ? AND status = 'sending'")
X(OUTBOX_RETRY,
  "UPDATE outbox SET status = ?, attempts = ?, last_error = ?, "
  "next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND, "
  "claimed_until = NULL WHERE id = ? AND status = 'sending'")
