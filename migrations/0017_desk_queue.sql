-- The desk's queue (issue 9, h/h_desk.c, data/st_queue.h): a page of a
-- unit's submitted applications by appointment date, filtered by status,
-- channel, officer and procedure, must not read or sort the whole unit
-- (tens of thousands of rows in a table of millions).  Both keys hold
-- every column the queue filters on, so the page's ids are found from
-- the key alone, in the key's order, and only the page's rows are read:
--   without a status filter, in (due_at, status, ...) order;
--   with one, status fixed, in (due_at, ...) order; and the counts.
ALTER TABLE applications
	ADD KEY applications_unit_due (unit_id, due_at, status, channel, assignee_id, procedure_version),
	ADD KEY applications_queue_cover (unit_id, status, due_at, channel, assignee_id, procedure_version);
