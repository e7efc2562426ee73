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
/* Per unit; parameters: offset, offset, today, today, lo, hi [, unit]. */
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
  DB_STATS_SUM("a.channel = 'counter' AND EXISTS (SELECT 1 FROM " \
  "attachments t WHERE t.application_id = a.id AND t.kind = 'document' " \
  "AND t.added_by IS NOT NULL)") " AS digitised, " \
  "COUNT(a.rating) AS ratings, " DB_STATS_SUM("a.rating") " AS rating_sum, " \
  DB_STATS_SUM("a.rating >= 4") " AS satisfied " \
  from " GROUP BY a.unit_id"
#define DB_STATS_APPS_ROW \
  C(U64, unit_id) C(I64, received) C(I64, online) C(I64, counter) \
  C(I64, post) C(I64, finished) C(I64, on_time) C(I64, late) \
  C(I64, pending) C(I64, overdue) C(I64, digitised) C(I64, ratings) \
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
