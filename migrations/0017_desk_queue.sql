-- The desk's queue without a status filter (issue 9, h/h_desk.c): a
-- unit's submitted applications by appointment date.  The key's order is
-- (unit_id, due_at, id), so a page of ORDER BY due_at, id LIMIT ... is
-- read in index order and stops after the page, whatever the statuses;
-- with a status (applications_queue) or an assignee
-- (applications_by_assignee) the keys of 0015 serve instead.
ALTER TABLE applications
	ADD KEY applications_unit_due (unit_id, due_at);
