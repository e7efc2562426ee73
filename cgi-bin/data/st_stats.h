/* Statements of the statistics (issue 12, app/stats.c): the indicators
 * of the applications received in a range of days, city-wide (key
 * stats_received) or in one unit (stats_unit_received), grouped by unit,
 * day pairs, month or procedure; the transparency counts; the gauges of
 * /metrics.  Ranges are UTC seconds [lo, hi), the bounds of the city's
 * days; "today" and the appointment dates are days since 1970-01-01; the
 * city's offset from UTC (seconds) makes an instant's local day.  An
 * X-macro list (no include guard): see data/db.h. */
#define DB_STATS_SUM(x)	"CAST(IFNULL(SUM(" x "), 0) AS SIGNED)"
/* The local day of a decision, compared with the appointment. */
#define DB_STATS_DECIDED "DATE(a.decided_at + INTERVAL ? SECOND)"
#define DB_STATS_TODAY	"'1970-01-01' + INTERVAL ? DAY"
#define DB_STATS_FINISHED "a.status IN (9, 10)"
#define DB_STATS_OPEN	"a.status IN (2, 4, 5, 6)"
#define DB_STATS_IN(key) \
  "FROM applications a FORCE INDEX (" key ") WHERE " \
  "a.received_at >= FROM_UNIXTIME(?) AND a.received_at < FROM_UNIXTIME(?)"
#define DB_STATS_ALL	DB_STATS_IN("stats_received")
#define DB_STATS_UNIT	DB_STATS_IN("stats_unit_received") " AND a.unit_id = ?"
/* Per unit; parameters: offset, offset, today, today, lo, hi [, unit].
 * (The digitised ones: STATS_DIGITISED.) */
#define DB_STATS_APPS(from) \
  "SELECT a.unit_id, COUNT(*) AS received, " \
  DB_STATS_SUM("a.channel = 'online'") " AS online, " \
  DB_STATS_SUM("a.channel = 'counter'") " AS counter, " \
  DB_STATS_SUM("a.channel = 'post'") " AS post, " \
  DB_STATS_SUM(DB_STATS_FINISHED) " AS finished, " \
  DB_STATS_SUM(DB_STATS_FINISHED " AND (a.due_at IS NULL OR " \
  DB_STATS_DECIDED " <= a.due_at)") " AS on_time, " \
  DB_STATS_SUM(DB_STATS_FINISHED " AND " DB_STATS_DECIDED " > a.due_at") \
  " AS late, " \
  DB_STATS_SUM(DB_STATS_OPEN " AND (a.due_at IS NULL OR a.due_at >= " \
  DB_STATS_TODAY ")") " AS pending, " \
  DB_STATS_SUM(DB_STATS_OPEN " AND a.due_at < " DB_STATS_TODAY) \
  " AS overdue, " \
  "COUNT(a.rating) AS ratings, " DB_STATS_SUM("a.rating") " AS rating_sum, " \
  DB_STATS_SUM("a.rating >= 4") " AS satisfied " \
  from " GROUP BY a.unit_id"
#define DB_STATS_APPS_ROW \
  C(U64, unit_id) C(I64, received) C(I64, online) C(I64, counter) \
  C(I64, post) C(I64, finished) C(I64, on_time) C(I64, late) \
  C(I64, pending) C(I64, overdue) C(I64, ratings) \
  C(I64, rating_sum) C(I64, satisfied)
Q(STATS_APPS, DB_STATS_APPS(DB_STATS_ALL), DB_STATS_APPS_ROW)
Q(STATS_APPS_UNIT, DB_STATS_APPS(DB_STATS_UNIT), DB_STATS_APPS_ROW)

/* The supplement requests (events to 5) of the applications received in
 * the range, per unit; parameters: lo (no request before its receipt),
 * lo, hi [, unit]. */
#define DB_STATS_SUPPL(key, unit) \
  "SELECT a.unit_id, COUNT(*) AS n FROM application_events e " \
  "FORCE INDEX (stats_events) JOIN applications a ON a.id = " \
  "e.application_id WHERE e.to_status = 5 AND e.kind = 'status' AND " \
  "e.at >= FROM_UNIXTIME(?) AND a.received_at >= FROM_UNIXTIME(?) AND " \
  "a.received_at < FROM_UNIXTIME(?)" unit " GROUP BY a.unit_id"
Q(STATS_SUPPL, DB_STATS_SUPPL("stats_received", ""),
  C(U64, unit_id) C(I64, n))
Q(STATS_SUPPL_UNIT, DB_STATS_SUPPL("stats_unit_received",
  " AND a.unit_id = ?"), C(U64, unit_id) C(I64, n))

/* The counter applications of the range with a document that staff
 * added (scanned at intake), per unit: from the staff's documents added
 * since the range began (stats_attachments), a few, not from every
 * application.  Parameters: lo, lo, hi [, unit]. */
#define DB_STATS_DIGITISED(unit) \
  "SELECT a.unit_id, COUNT(DISTINCT a.id) AS n FROM attachments t " \
  "FORCE INDEX (stats_attachments) JOIN applications a ON a.id = " \
  "t.application_id WHERE t.kind = 'document' AND t.created_at >= " \
  "FROM_UNIXTIME(?) AND t.added_by IS NOT NULL AND a.channel = 'counter' " \
  "AND a.received_at >= FROM_UNIXTIME(?) AND a.received_at < " \
  "FROM_UNIXTIME(?)" unit " GROUP BY a.unit_id"
Q(STATS_DIGITISED, DB_STATS_DIGITISED(""), C(U64, unit_id) C(I64, n))
Q(STATS_DIGITISED_UNIT, DB_STATS_DIGITISED(" AND a.unit_id = ?"),
  C(U64, unit_id) C(I64, n))

/* The finished applications by unit and the pair (local day received,
 * local day decided): their processing times in working days are
 * counted in C with the holidays.  Parameters: offset, offset, lo, hi
 * [, unit]. */
#define DB_STATS_TIMES(from) \
  "SELECT a.unit_id, " \
  "DATEDIFF(a.received_at + INTERVAL ? SECOND, '1970-01-01') AS rd, " \
  "DATEDIFF(a.decided_at + INTERVAL ? SECOND, '1970-01-01') AS dd, " \
  "COUNT(*) AS n " from " AND " DB_STATS_FINISHED " AND " \
  "a.decided_at IS NOT NULL GROUP BY a.unit_id, rd, dd"
#define DB_STATS_TIMES_ROW C(U64, unit_id) C(I64, rd) C(I64, dd) C(I64, n)
Q(STATS_TIMES, DB_STATS_TIMES(DB_STATS_ALL), DB_STATS_TIMES_ROW)
Q(STATS_TIMES_UNIT, DB_STATS_TIMES(DB_STATS_UNIT), DB_STATS_TIMES_ROW)

/* Per month received (local), for the trend; parameters: offset,
 * offset, offset, lo, hi [, unit]. */
#define DB_STATS_MONTHS(from) \
  "SELECT DATE_FORMAT(a.received_at + INTERVAL ? SECOND, '%Y-%m') AS " \
  "month, COUNT(*) AS received, " \
  DB_STATS_SUM("a.channel = 'online'") " AS online, " \
  DB_STATS_SUM(DB_STATS_FINISHED " AND (a.due_at IS NULL OR " \
  DB_STATS_DECIDED " <= a.due_at)") " AS on_time, " \
  DB_STATS_SUM(DB_STATS_FINISHED " AND " DB_STATS_DECIDED " > a.due_at") \
  " AS late " from " GROUP BY month ORDER BY month"
#define DB_STATS_MONTHS_ROW \
  C(TEXT, month) C(I64, received) C(I64, online) C(I64, on_time) \
  C(I64, late)
Q(STATS_MONTHS, DB_STATS_MONTHS(DB_STATS_ALL), DB_STATS_MONTHS_ROW)
Q(STATS_MONTHS_UNIT, DB_STATS_MONTHS(DB_STATS_UNIT), DB_STATS_MONTHS_ROW)

/* Per procedure, the most received first; parameters: offset, offset,
 * today, lo, hi [, unit], limit. */
#define DB_STATS_PROCS(from) \
  "SELECT p.code, MAX(v.name) AS name, " \
  "CAST(SUM(k.received) AS SIGNED) AS received, " \
  "CAST(SUM(k.online) AS SIGNED) AS online, " \
  "CAST(SUM(k.on_time) AS SIGNED) AS on_time, " \
  "CAST(SUM(k.late) AS SIGNED) AS late, " \
  "CAST(SUM(k.overdue) AS SIGNED) AS overdue FROM (SELECT " \
  "a.procedure_version, COUNT(*) AS received, " \
  DB_STATS_SUM("a.channel = 'online'") " AS online, " \
  DB_STATS_SUM(DB_STATS_FINISHED " AND (a.due_at IS NULL OR " \
  DB_STATS_DECIDED " <= a.due_at)") " AS on_time, " \
  DB_STATS_SUM(DB_STATS_FINISHED " AND " DB_STATS_DECIDED " > a.due_at") \
  " AS late, " \
  DB_STATS_SUM(DB_STATS_OPEN " AND a.due_at < " DB_STATS_TODAY) \
  " AS overdue " from " GROUP BY a.procedure_version) k " \
  "JOIN procedure_versions v ON v.id = k.procedure_version " \
  "JOIN procedures p ON p.id = v.procedure_id GROUP BY p.code " \
  "ORDER BY received DESC, p.code LIMIT ?"
#define DB_STATS_PROCS_ROW \
  C(TEXT, code) C(TEXT, name) C(I64, received) C(I64, online) \
  C(I64, on_time) C(I64, late) C(I64, overdue)
Q(STATS_PROCS, DB_STATS_PROCS(DB_STATS_ALL), DB_STATS_PROCS_ROW)
Q(STATS_PROCS_UNIT, DB_STATS_PROCS(DB_STATS_UNIT), DB_STATS_PROCS_ROW)

/* Transparency: articles published and questions answered in [lo, hi),
 * per unit. */
Q(STATS_ARTICLES,
  "SELECT unit_id, COUNT(*) AS n FROM articles WHERE status = 'published' "
  "AND published_at >= FROM_UNIXTIME(?) AND published_at < "
  "FROM_UNIXTIME(?) AND published_at <= UTC_TIMESTAMP() GROUP BY unit_id",
  C(U64, unit_id) C(I64, n))
Q(STATS_ANSWERS,
  "SELECT unit_id, COUNT(*) AS n FROM questions WHERE status IN "
  "('answered', 'published') AND answered_at >= FROM_UNIXTIME(?) AND "
  "answered_at < FROM_UNIXTIME(?) GROUP BY unit_id",
  C(U64, unit_id) C(I64, n))

/* The drill-down of the desk's statistics: the applications of unit ?
 * received in the range that were finished late or are overdue now, the
 * oldest appointment first.  Parameters: offset, today, unit, lo, hi,
 * limit. */
Q(STATS_LATE,
  "SELECT a.code, v.name AS proc_name, a.status, a.received_at, a.due_at, "
  "a.decided_at FROM applications a FORCE INDEX (stats_unit_received) "
  "JOIN procedure_versions v ON v.id = a.procedure_version WHERE "
  "((" DB_STATS_FINISHED " AND " DB_STATS_DECIDED " > a.due_at) OR "
  "(" DB_STATS_OPEN " AND a.due_at < " DB_STATS_TODAY ")) AND "
  "a.unit_id = ? AND a.received_at >= FROM_UNIXTIME(?) AND "
  "a.received_at < FROM_UNIXTIME(?) ORDER BY a.due_at, a.id LIMIT ?",
  C(TEXT, code) C(TEXT, proc_name) C(U64, status) C(TIME, received_at)
  C(TIME, due_at) C(TIME, decided_at))

/* The gauges of /metrics: the applications by status (drafts aside: an
 * index-only scan of applications_due), and those overdue now per unit
 * (status 2, 4, 5, 6 with an appointment before day ?). */
Q(STATS_QUEUE,
  "SELECT status, COUNT(*) AS n FROM applications FORCE INDEX "
  "(applications_due) WHERE status >= 1 GROUP BY status ORDER BY status",
  C(U64, status) C(I64, n))
Q(STATS_OVERDUE,
  "SELECT u.slug, k.n FROM (SELECT a.unit_id, COUNT(*) AS n FROM "
  "applications a WHERE " DB_STATS_OPEN " AND a.due_at < " DB_STATS_TODAY
  " GROUP BY a.unit_id) k JOIN units u ON u.id = k.unit_id ORDER BY u.slug",
  C(TEXT, slug) C(I64, n))

/*
 * portalctl seed-history (app/stats.c): months of applications of every
 * current unit for the demo, from MariaDB's sequence engine, every choice
 * a hash of (seed, row, what) so that a seed gives the same history
 * (relative to today).  The rows carry idem_key 'seed-history-<row>' of
 * the history's own applicant: a second run inserts nothing.
 */
#define DB_SEEDH_H(what) \
  "CRC32(CONCAT(g.seed, ':', g.seq, ':" what "'))"
X(SEEDH_USER,
  "INSERT IGNORE INTO users (full_name, email, status) VALUES (?, ?, "
  "'disabled')")
Q(SEEDH_USER_ID, "SELECT id FROM users WHERE email = ?", C(U64, id))
/* Parameters: seed, days back, offset (seconds), applicant, the rows
 * [lo, hi) of this batch. */
X(SEEDH_APPS,
  "INSERT IGNORE INTO applications (code, procedure_version, unit_id, "
  "applicant_id, channel, status, submitted_at, received_at, due_at, "
  "decided_at, rating, rating_comment, rated_at, returned_via, idem_key) "
  "SELECT CONCAT(k.ucode, '-', DATE_FORMAT(k.recv + INTERVAL k.off SECOND, "
  "'%y%m%d'), '-', LPAD(k.seq DIV k.nu % 10000, 4, '0')), k.pv, k.unit, "
  "k.applicant, k.channel, k.st, k.recv, k.recv, k.due, "
  "IF(k.st IN (8, 9, 10), k.decided, NULL), k.rating, "
  "IF(k.rating IS NULL, NULL, ''), "
  "IF(k.rating IS NULL, NULL, k.decided + INTERVAL 1 DAY), "
  "IF(k.st = 10, IF(k.channel = 'online', 'online', 'counter'), NULL), "
  "CONCAT('seed-history-', k.seq) FROM (SELECT j.*, "
  "CASE WHEN j.decided > UTC_TIMESTAMP() THEN ELT(1 + j.hop % 4, 2, 4, 4, 6) "
  "WHEN j.hout % 100 < 3 THEN 8 WHEN j.hout % 100 < 5 THEN 7 "
  "WHEN j.decided > UTC_TIMESTAMP() - INTERVAL 2 DAY THEN 9 ELSE 10 END "
  "AS st, "
  "IF(j.decided < UTC_TIMESTAMP() - INTERVAL 2 DAY AND j.hrt % 100 < 40 AND "
  "j.hout % 100 >= 5, ELT(1 + (j.hrv % 100 >= 50) + (j.hrv % 100 >= 82) + "
  "(j.hrv % 100 >= 92) + (j.hrv % 100 >= 97), 5, 4, 3, 2, 1), NULL) "
  "AS rating FROM (SELECT i.*, IF(i.late, TIMESTAMP(i.due) + INTERVAL "
  "(1 + i.hld % 10) DAY + INTERVAL 2 HOUR, i.recv + INTERVAL (i.hdd % "
  "GREATEST(1, DATEDIFF(i.due, DATE(i.recv + INTERVAL i.off SECOND)))) DAY "
  "+ INTERVAL 3 HOUR) AS decided FROM (SELECT h.*, "
  "DATE(h.recv + INTERVAL h.off SECOND) + INTERVAL CEIL(h.pd * 7 / 5) DAY "
  "AS due FROM (SELECT g.*, "
  "TIMESTAMP(g.rd - INTERVAL (CASE WEEKDAY(g.rd) WHEN 5 THEN 1 WHEN 6 THEN 2 "
  "ELSE 0 END) DAY) + INTERVAL (1 + " DB_SEEDH_H("hr") " % 8) HOUR + "
  "INTERVAL (" DB_SEEDH_H("mi") " % 60) MINUTE AS recv, "
  DB_SEEDH_H("late") " % 100 < 3 + g.un * 7 % 18 AS late, "
  "IF(" DB_SEEDH_H("ch") " % 100 < 30 + (g.days - g.age) * 35 DIV g.days, "
  "'online', IF(" DB_SEEDH_H("cp") " % 100 < 85, 'counter', 'post')) "
  "AS channel, " DB_SEEDH_H("op") " AS hop, " DB_SEEDH_H("out") " AS hout, "
  DB_SEEDH_H("rt") " AS hrt, " DB_SEEDH_H("rv") " AS hrv, "
  DB_SEEDH_H("ld") " AS hld, " DB_SEEDH_H("dd") " AS hdd "
  "FROM (SELECT f.*, DATE(UTC_TIMESTAMP() + INTERVAL f.off SECOND) - "
  "INTERVAL f.age DAY AS rd FROM (SELECT p.seed, p.days, p.off, "
  "p.applicant, s.seq, u.id AS unit, u.code AS ucode, u.n AS un, "
  "c.nu, v.id AS pv, GREATEST(1, IFNULL(v.processing_days, 5)) AS pd, "
  "1 + CRC32(CONCAT(p.seed, ':', s.seq, ':age')) % p.days AS age "
  "FROM (SELECT ? AS seed, ? AS days, ? AS off, ? AS applicant, ? AS lo, "
  "? AS hi) p JOIN seq_0_to_99999 s ON s.seq >= p.lo AND s.seq < p.hi "
  "JOIN (SELECT COUNT(*) AS nu FROM units WHERE valid_to IS NULL) c "
  "JOIN (SELECT id, code, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n "
  "FROM units WHERE valid_to IS NULL) u ON u.n = s.seq % c.nu "
  "JOIN (SELECT v.id, v.processing_days, ROW_NUMBER() OVER (ORDER BY v.id) "
  "- 1 AS n FROM procedure_versions v JOIN procedures q ON "
  "q.current_version = v.id) v ON v.n = CRC32(CONCAT(p.seed, ':', s.seq, "
  "':pv')) % (SELECT COUNT(*) FROM procedures WHERE current_version IS "
  "NOT NULL) WHERE CRC32(CONCAT(p.seed, ':', s.seq, ':keep')) % 100 < "
  "45 + u.n * 37 % 55) f) g) h) i) j) k")
/* The timeline of the history's applications that have none yet: the
 * receipt, processing, a supplement request and its answer for about one
 * in eight (parameter: seed), a payment request, the decision, the
 * return, a withdrawal, each at its time.  Parameters: seed, the rows
 * [lo, hi) of the batch. */
#define DB_SEEDH_EV(from, to, at, cond) \
  "SELECT a.id, " from ", " to ", " at " FROM k a WHERE " cond
X(SEEDH_EVENTS,
  "INSERT INTO application_events (application_id, from_status, "
  "to_status, at) WITH k AS (SELECT a.*, CRC32(CONCAT(p.seed, ':', "
  "SUBSTRING(a.idem_key, 14), ':sp')) % 100 < 12 AND (a.decided_at IS NULL "
  "OR a.decided_at > a.received_at + INTERVAL 50 HOUR) AND "
  "a.received_at + INTERVAL 50 HOUR < UTC_TIMESTAMP() AS sp FROM "
  "applications a JOIN (SELECT ? AS seed, ? AS lo, ? AS hi) p WHERE "
  "a.idem_key LIKE 'seed-history-%' AND CAST(SUBSTRING(a.idem_key, 14) "
  "AS UNSIGNED) >= p.lo AND CAST(SUBSTRING(a.idem_key, 14) AS UNSIGNED) < "
  "p.hi AND NOT EXISTS (SELECT 1 FROM application_events e WHERE "
  "e.application_id = a.id)) "
  DB_SEEDH_EV("IF(a.channel = 'online', 1, 0)", "2", "a.received_at", "1")
  " UNION ALL " DB_SEEDH_EV("2", "4", "a.received_at + INTERVAL 1 HOUR",
  "a.status IN (4, 6, 8, 9, 10)")
  " UNION ALL " DB_SEEDH_EV("4", "5", "a.received_at + INTERVAL 25 HOUR",
  "a.sp")
  " UNION ALL " DB_SEEDH_EV("5", "4", "a.received_at + INTERVAL 49 HOUR",
  "a.sp")
  " UNION ALL " DB_SEEDH_EV("4", "6", "a.received_at + INTERVAL 3 HOUR",
  "a.status = 6")
  " UNION ALL " DB_SEEDH_EV("4", "9", "a.decided_at",
  "a.status IN (9, 10)")
  " UNION ALL " DB_SEEDH_EV("9", "10", "a.decided_at + INTERVAL 1 HOUR",
  "a.status = 10")
  " UNION ALL " DB_SEEDH_EV("4", "8", "a.decided_at", "a.status = 8")
  " UNION ALL " DB_SEEDH_EV("2", "7", "a.received_at + INTERVAL 1 DAY",
  "a.status = 7"))
/* The scanned documents of the counter applications of the history, more
 * of them as months pass (parameters: days back, the staff member, the
 * stored file's sha256, size, type, the rows [lo, hi) of the batch). */
X(SEEDH_FILES,
  "INSERT INTO attachments (application_id, slot, kind, added_by, "
  "filename, sha256, size, mime, created_at) SELECT a.id, 'ho_so_giay', "
  "'document', p.staff, 'ho-so-giay.pdf', p.sha, p.size, p.mime, "
  "a.received_at FROM applications a JOIN (SELECT ? AS days, ? AS staff, "
  "? AS sha, ? AS size, ? AS mime, ? AS lo, ? AS hi) p WHERE a.idem_key "
  "LIKE 'seed-history-%' AND CAST(SUBSTRING(a.idem_key, 14) AS UNSIGNED) "
  ">= p.lo AND CAST(SUBSTRING(a.idem_key, 14) AS UNSIGNED) < p.hi AND "
  "a.channel = 'counter' AND "
  "CRC32(CONCAT(a.idem_key, ':dg')) % 100 < 100 - 50 * "
  "DATEDIFF(UTC_TIMESTAMP(), a.received_at) DIV p.days AND NOT EXISTS "
  "(SELECT 1 FROM attachments t WHERE t.application_id = a.id)")
Q(SEEDH_COUNT,
  "SELECT COUNT(*) AS n FROM applications WHERE applicant_id = ?",
  C(I64, n))
