-- Online applications (issue 8): Vietnam's public holidays of 2026 and
-- 2027 for working-day deadlines (core/workday.c reads every row as a day
-- off; weekends need no row, but a holiday's whole announced break is
-- listed, weekend days included, so that the calendar reads as announced).
--
-- Sources and assumptions:
-- * Labour Code 2019, art. 112: 1 Jan; 5 days of Tết Nguyên đán; 10/3
--   lunar (Giỗ Tổ Hùng Vương); 30 Apr; 1 May; 2 Sep plus one day before or
--   after it.  A holiday on a weekend is made up on the next working day
--   (civil servants' rule).
-- * Lunar new year: 17 Feb 2026 (Bính Ngọ), 6 Feb 2027 (Đinh Mùi);
--   10/3 lunar: 26 Apr 2026 (a Sunday: made up on Monday 27 Apr) and
--   16 Apr 2027.
-- * Tết 2026: the government's announcement for civil servants, 14-22 Feb
--   2026 (Saturday to Sunday, nine days with the swapped days).
-- * Tết 2027 (not yet announced when written): assumed 30 Tết to mùng 4,
--   5-9 Feb 2027, of which 6 and 7 Feb fall on the weekend and are made up
--   on 10 and 11 Feb; the break is 5-11 Feb.  Replace with the
--   government's announcement when it is published.
-- * Quốc khánh: 2026, 1-2 Sep (Tuesday, Wednesday; assumed: the day
--   before); 2027, 2-3 Sep (Thursday, Friday; assumed: the day after).
-- * 1 May 2027 is a Saturday: made up on Monday 3 May.
-- Rows are added only where missing (INSERT IGNORE): an administrator's
-- corrections stay.
INSERT IGNORE INTO holidays (day, name) VALUES
	('2026-01-01', 'Tết Dương lịch'),
	('2026-02-14', 'Tết Nguyên đán (nghỉ bù)'),
	('2026-02-15', 'Tết Nguyên đán'),
	('2026-02-16', 'Tết Nguyên đán (28 tháng Chạp)'),
	('2026-02-17', 'Tết Nguyên đán (mùng 1)'),
	('2026-02-18', 'Tết Nguyên đán (mùng 2)'),
	('2026-02-19', 'Tết Nguyên đán (mùng 3)'),
	('2026-02-20', 'Tết Nguyên đán (mùng 4)'),
	('2026-02-21', 'Tết Nguyên đán (nghỉ bù)'),
	('2026-02-22', 'Tết Nguyên đán (nghỉ bù)'),
	('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
	('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
	('2026-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'),
	('2026-05-01', 'Ngày Quốc tế Lao động'),
	('2026-09-01', 'Quốc khánh (ngày liền kề)'),
	('2026-09-02', 'Quốc khánh'),
	('2027-01-01', 'Tết Dương lịch'),
	('2027-02-05', 'Tết Nguyên đán (30 tháng Chạp)'),
	('2027-02-06', 'Tết Nguyên đán (mùng 1)'),
	('2027-02-07', 'Tết Nguyên đán (mùng 2)'),
	('2027-02-08', 'Tết Nguyên đán (mùng 3)'),
	('2027-02-09', 'Tết Nguyên đán (mùng 4)'),
	('2027-02-10', 'Tết Nguyên đán (nghỉ bù)'),
	('2027-02-11', 'Tết Nguyên đán (nghỉ bù)'),
	('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
	('2027-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'),
	('2027-05-01', 'Ngày Quốc tế Lao động'),
	('2027-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)'),
	('2027-09-02', 'Quốc khánh'),
	('2027-09-03', 'Quốc khánh (ngày liền kề)');
