-- The desk's queue (issue 9, h/h_desk.c, data/st_queue.h): a unit's
-- submitted applications by appointment date.
-- Without a status filter: the key's order is (unit_id, due_at, id), so a
-- page of ORDER BY due_at, id LIMIT ... is read in index order and stops
-- after the page, whatever the statuses; with a status
-- (applications_queue) or an assignee (applications_by_assignee) the keys
-- of 0015 serve instead.
-- By procedure: the unit's applications of the procedure's versions,
-- found directly (a procedure is a few hundredths of a unit's
-- applications, too few to find by reading the unit in date order).
ALTER TABLE applications
	ADD KEY applications_unit_due (unit_id, due_at),
	ADD KEY applications_unit_proc (unit_id, procedure_version, due_at);
