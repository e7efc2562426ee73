-- The benchmark's data set (`portalctl seed-bulk`, make bench): residents
-- articles and applications with their timelines in bulk, reproducible
-- from a seed number.  portalctl sets @bulk_seed, @bulk_residents,
-- @bulk_articles, @bulk_applications and @bulk_pw (one Argon2id
-- hash that every bulk resident signs in with) before running it.  Every
-- row is made by INSERT ... SELECT from MariaDB's sequence engine, the
-- choices by arithmetic on the row number and the seed (no RAND()), so
-- that the same seed gives the same rows.  Texts are invented, in
-- Vietnamese, composed from the lists below; nothing here is real news.

SET foreign_key_checks = 0, unique_checks = 0;

-- The current units, numbered 0..n-1, and their categories numbered per
-- unit (a unit without categories gets none).
CREATE TEMPORARY TABLE bulk_units (n INT PRIMARY KEY, id INT UNSIGNED, slug VARCHAR(64))
	SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id, slug FROM units WHERE valid_to IS NULL;
SET @bulk_nunits = (SELECT COUNT(*) FROM bulk_units);
CREATE TEMPORARY TABLE bulk_cats (unit_id INT UNSIGNED, n INT, id INT UNSIGNED, PRIMARY KEY (unit_id, n))
	SELECT unit_id, ROW_NUMBER() OVER (PARTITION BY unit_id ORDER BY position, id) - 1 AS n, id
	FROM categories;
CREATE TEMPORARY TABLE bulk_ncats (unit_id INT UNSIGNED PRIMARY KEY, k INT)
	SELECT unit_id, COUNT(*) AS k FROM bulk_cats GROUP BY unit_id;

-- Residents: 097NNNNNNN, names of the commonest Vietnamese families.
INSERT IGNORE INTO users (full_name, phone, pw_hash, status)
SELECT CONCAT(
	ELT(1 + (s.seq * 7 + @bulk_seed) % 14, 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng',
	    'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'), ' ',
	ELT(1 + (s.seq * 11 + @bulk_seed) % 8, 'Văn', 'Thị', 'Hữu', 'Minh', 'Thu',
	    'Đức', 'Ngọc', 'Quang'), ' ',
	ELT(1 + (s.seq * 13 + @bulk_seed) % 16, 'An', 'Bình', 'Chi', 'Dũng', 'Giang',
	    'Hà', 'Hải', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phương',
	    'Sơn', 'Trang')),
	CONCAT('097', LPAD(s.seq, 7, '0')), @bulk_pw, 'active'
FROM seq_1_to_10000000 s WHERE s.seq <= @bulk_residents;
INSERT IGNORE INTO user_roles (user_id, role)
SELECT id, 'resident' FROM users WHERE phone LIKE '097%';

-- Articles: a unit each in turn, published over the last three years
-- (one in fifty an announcement), the title from a topic and a place, the
-- text from sentences of the lists.  The slug is the title's, written by
-- hand without diacritics, and the row number.
INSERT IGNORE INTO articles (unit_id, kind, category_id, status, slug, title, summary, body,
	published_at, created_at)
SELECT u.id, IF(s.seq % 50 = 0, 'announcement', 'news'), c.id, 'published',
	CONCAT(ELT(t.a, 'ra-quan-ve-sinh-moi-truong', 'hoi-nghi-tiep-xuc-cu-tri',
	    'tap-huan-chuyen-doi-so', 'kiem-tra-an-toan-thuc-pham',
	    'trao-qua-cho-ho-ngheo', 'dien-tap-phong-chay-chua-chay',
	    'ra-mat-to-cong-nghe-so-cong-dong', 'tiem-chung-mo-rong',
	    'tong-ket-phong-trao-khuyen-hoc', 'giai-bong-da-thanh-nien'),
	    '-', ELT(t.b, 'to-dan-pho-so-1', 'khu-dan-cu-trung-tam', 'nha-van-hoa',
	    'truong-tieu-hoc', 'tru-so-uy-ban', 'cum-cong-nghiep', 'xom-dong',
	    'khu-tai-dinh-cu'), '-', s.seq),
	CONCAT(ELT(t.a, 'Ra quân vệ sinh môi trường', 'Hội nghị tiếp xúc cử tri',
	    'Tập huấn chuyển đổi số', 'Kiểm tra an toàn thực phẩm',
	    'Trao quà cho hộ nghèo', 'Diễn tập phòng cháy, chữa cháy',
	    'Ra mắt tổ công nghệ số cộng đồng', 'Tiêm chủng mở rộng',
	    'Tổng kết phong trào khuyến học', 'Giải bóng đá thanh niên'),
	    ' ', ELT(t.b, 'tại tổ dân phố số 1', 'ở khu dân cư trung tâm', 'tại nhà văn hóa',
	    'ở trường tiểu học', 'tại trụ sở Ủy ban', 'ở cụm công nghiệp', 'tại xóm Đồng',
	    'ở khu tái định cư'), ' (', s.seq, ')'),
	ELT(t.c, 'Đông đảo cán bộ, đoàn viên và nhân dân đã tham gia hưởng ứng.',
	    'Hoạt động nằm trong kế hoạch năm của Ủy ban nhân dân.',
	    'Chương trình nhận được sự phối hợp của Mặt trận Tổ quốc và các đoàn thể.',
	    'Kết quả được báo cáo tại hội nghị giao ban tháng.'),
	CONCAT(ELT(t.c, 'Đông đảo cán bộ, đoàn viên và nhân dân đã tham gia hưởng ứng.',
	    'Hoạt động nằm trong kế hoạch năm của Ủy ban nhân dân.',
	    'Chương trình nhận được sự phối hợp của Mặt trận Tổ quốc và các đoàn thể.',
	    'Kết quả được báo cáo tại hội nghị giao ban tháng.'), '\n\n',
	    ELT(t.d, 'Phát biểu tại buổi lễ, đồng chí Chủ tịch Ủy ban nhân dân ghi nhận sự vào cuộc của các tổ dân phố và đề nghị duy trì thường xuyên.',
	    'Các hộ gia đình được hướng dẫn cài đặt ứng dụng định danh điện tử và nộp hồ sơ trực tuyến ngay tại nhà.',
	    'Đoàn kiểm tra đã nhắc nhở các cơ sở kinh doanh niêm yết giá công khai và bảo đảm vệ sinh.',
	    'Nhiều ý kiến, kiến nghị của cử tri về đường giao thông nông thôn và chiếu sáng công cộng đã được giải đáp.',
	    'Ban tổ chức trao giấy khen cho các tập thể, cá nhân có thành tích xuất sắc.',
	    'Lực lượng công an phối hợp bảo đảm an ninh, trật tự trong suốt thời gian diễn ra hoạt động.'),
	    '\n\n', ELT(t.e, 'Người dân có thắc mắc xin liên hệ bộ phận một cửa trong giờ hành chính.',
	    'Thông tin chi tiết được niêm yết tại nhà văn hóa các tổ dân phố.',
	    'Ủy ban nhân dân đề nghị các hộ gia đình tiếp tục phối hợp thực hiện.')),
	UTC_TIMESTAMP() - INTERVAL ((s.seq * 7919 + @bulk_seed) % 1576800) MINUTE,
	UTC_TIMESTAMP() - INTERVAL ((s.seq * 7919 + @bulk_seed) % 1576800) MINUTE
FROM seq_1_to_10000000 s
JOIN (SELECT seq, 1 + (seq * 7 + @bulk_seed) % 10 AS a, 1 + (seq * 3 + @bulk_seed) % 8 AS b,
	1 + (seq * 5 + @bulk_seed) % 4 AS c, 1 + (seq * 11 + @bulk_seed) % 6 AS d,
	1 + (seq * 13 + @bulk_seed) % 3 AS e FROM seq_1_to_10000000 WHERE seq <= @bulk_articles) t
	ON t.seq = s.seq
JOIN bulk_units u ON u.n = s.seq % @bulk_nunits
LEFT JOIN bulk_ncats k ON k.unit_id = u.id
LEFT JOIN bulk_cats c ON c.unit_id = u.id AND c.n = s.seq % k.k
WHERE s.seq <= @bulk_articles;

-- Applications of the last two years (never today's: today's numbers are
-- the desk's), a unit each in turn, numbered per unit and day as the desk
-- numbers them, by a bulk resident, for a procedure version in force.
-- The older, the likelier finished; one in 40 of the old ones still in
-- processing (overdue); one in seven finished late.  @d is the day's age,
-- @late whether it finished after its appointment.
CREATE TEMPORARY TABLE bulk_pv (n INT PRIMARY KEY, id INT UNSIGNED, days INT)
	SELECT ROW_NUMBER() OVER (ORDER BY v.id) - 1 AS n, v.id, GREATEST(IFNULL(v.processing_days, 5), 1) AS days
	FROM procedures p JOIN procedure_versions v ON v.id = p.current_version;
SET @bulk_npv = (SELECT COUNT(*) FROM bulk_pv);
CREATE TEMPORARY TABLE bulk_res (n INT PRIMARY KEY, id INT UNSIGNED)
	SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id FROM users WHERE phone LIKE '097%';
SET @bulk_nres = (SELECT COUNT(*) FROM bulk_res);
SET @bulk_first = (SELECT IFNULL(MAX(id), 0) FROM applications);
SET @bulk_today = DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR);
INSERT IGNORE INTO applications (code, procedure_version, unit_id, applicant_id, channel, status,
	submitted_at, received_at, due_at, decided_at, returned_via, rating, late_at, paused_at, version)
SELECT CONCAT(u.code, '-', DATE_FORMAT(@bulk_today - INTERVAL g.age DAY, '%y%m%d'), '-',
	    LPAD(g.num, 4, '0')),
	pv.id, u.id, r.id,
	ELT(1 + g.seq DIV 7 % 20, 'online', 'online', 'online', 'online', 'online', 'online',
	    'online', 'online', 'online', 'online', 'online', 'online', 'counter', 'counter',
	    'counter', 'counter', 'counter', 'counter', 'counter', 'post'),
	g.st,
	g.sub, IF(g.st IN (1, 3, 7), NULL, g.sub + INTERVAL 2 HOUR),
	IF(g.st IN (1, 3, 7), NULL, DATE(g.sub + INTERVAL 7 HOUR) + INTERVAL pv.days + 2 * (pv.days DIV 5) DAY),
	CASE WHEN g.st IN (9, 10, 8) THEN g.sub + INTERVAL IF(g.late, pv.days * 2 + 3, GREATEST(pv.days - 1, 0)) DAY + INTERVAL 5 HOUR
	    WHEN g.st = 3 THEN g.sub + INTERVAL 2 HOUR END,
	IF(g.st = 10, ELT(1 + g.seq % 2, 'counter', 'online'), NULL),
	IF(g.st = 10 AND g.seq % 3 = 0, 3 + (g.seq DIV 3) % 3, NULL),
	IF(g.st IN (2, 4, 6) AND g.age > pv.days + 3, g.sub + INTERVAL pv.days + 3 DAY, NULL),
	IF(g.st = 5, g.sub + INTERVAL 1 DAY, NULL), 1
FROM (SELECT s.seq, s.seq % @bulk_nunits AS un, 1 + (s.seq DIV @bulk_nunits) % 730 AS age,
	    1 + s.seq DIV (@bulk_nunits * 730) AS num,
	    @bulk_today - INTERVAL (1 + (s.seq DIV @bulk_nunits) % 730) DAY + INTERVAL 1 + (s.seq * 37 + @bulk_seed) % 9 HOUR
	        + INTERVAL (s.seq * 53) % 60 MINUTE AS sub,
	    (s.seq * 31 + @bulk_seed) % 7 = 0 AS late,
	    CASE WHEN (1 + (s.seq DIV @bulk_nunits) % 730) < 15 THEN ELT(1 + s.seq DIV 7 % 8, 1, 2, 4, 4, 4, 5, 6, 9)
	        WHEN s.seq DIV 7 % 40 = 0 THEN 4 WHEN s.seq DIV 7 % 40 < 31 THEN 10
	        WHEN s.seq DIV 7 % 40 < 35 THEN 9 WHEN s.seq DIV 7 % 40 < 37 THEN 3
	        WHEN s.seq DIV 7 % 40 < 39 THEN 7 ELSE 8 END AS st
	FROM seq_1_to_100000000 s WHERE s.seq <= @bulk_applications) g
JOIN bulk_units u0 ON u0.n = g.un
JOIN units u ON u.id = u0.id
JOIN bulk_pv pv ON pv.n = (g.seq * 13 + @bulk_seed) % @bulk_npv
JOIN bulk_res r ON r.n = (g.seq * 7 + @bulk_seed) % @bulk_nres;

-- The days' numbers taken, so that the desk numbers after them.
INSERT INTO application_seq (unit_id, day, last)
SELECT unit_id, DATE(submitted_at + INTERVAL 7 HOUR), COUNT(*) FROM applications
WHERE id > @bulk_first GROUP BY unit_id, DATE(submitted_at + INTERVAL 7 HOUR)
ON DUPLICATE KEY UPDATE last = GREATEST(last, VALUE(last));

-- Their timelines, as the desk writes them: submitted (0 -> 1), received
-- (1 -> 2) or refused (1 -> 3) or withdrawn (1 -> 7), in processing
-- (2 -> 4), a supplement asked (4 -> 5) for one in eight and answered
-- (5 -> 4), payment asked (4 -> 6), the decision (4 -> 9 or 4 -> 8), the
-- result returned (9 -> 10).  k is the step.
INSERT INTO application_events (application_id, from_status, to_status, kind, note, at)
SELECT e.id, e.f, e.t, 'status', '', e.at FROM (
	SELECT a.id,
	    ELT(k.seq, 0, 1, 2, 4, 5, 4, 4) AS f,
	    CASE k.seq WHEN 1 THEN 1
	        WHEN 2 THEN CASE WHEN a.status IN (3, 7) THEN a.status WHEN a.status > 1 THEN 2 END
	        WHEN 3 THEN IF(a.status IN (4, 5, 6, 8, 9, 10), 4, NULL)
	        WHEN 4 THEN IF(a.id % 8 = 0 AND a.status IN (5, 8, 9, 10), 5, IF(a.status = 5, 5, NULL))
	        WHEN 5 THEN IF(a.id % 8 = 0 AND a.status IN (8, 9, 10), 4, NULL)
	        WHEN 6 THEN IF(a.status = 6, 6, IF(a.status IN (8, 9, 10), IF(a.status = 8, 8, 9), NULL))
	        WHEN 7 THEN IF(a.status = 10, 10, NULL) END AS t,
	    CASE k.seq WHEN 1 THEN a.submitted_at
	        WHEN 2 THEN IFNULL(a.received_at, a.submitted_at + INTERVAL 3 HOUR)
	        WHEN 3 THEN a.received_at + INTERVAL 1 HOUR
	        WHEN 4 THEN IFNULL(a.paused_at, a.received_at + INTERVAL 1 DAY)
	        WHEN 5 THEN a.received_at + INTERVAL 3 DAY
	        WHEN 6 THEN IFNULL(a.decided_at, a.received_at + INTERVAL 1 DAY)
	        WHEN 7 THEN a.decided_at + INTERVAL 1 DAY END AS at
	FROM applications a JOIN seq_1_to_7 k WHERE a.id > @bulk_first) e
WHERE e.t IS NOT NULL;

DROP TEMPORARY TABLE bulk_res;
DROP TEMPORARY TABLE bulk_pv;
DROP TEMPORARY TABLE bulk_ncats;
DROP TEMPORARY TABLE bulk_cats;
DROP TEMPORARY TABLE bulk_units;
SET foreign_key_checks = 1, unique_checks = 1;
ANALYZE TABLE users, user_roles, articles, applications, application_events;
