-- The one-stop desk (issue 9): who processes an application, the
-- deadline clock that stops while the applicant supplements, the fee
-- asked for, the leader's approval of a result, the overdue mark; events
-- that are not a change of status (a message, an internal note, an
-- apology with a new appointment date); notifications tied to the
-- application they announce.  Every DATETIME is UTC; DATEs are Vietnam's.

-- A unit whose results a leader approves before they are ready (9).
ALTER TABLE units
	ADD COLUMN result_approval TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: a leader approves a result before status 9' AFTER successor_id;

ALTER TABLE applications
	ADD COLUMN assignee_id INT UNSIGNED NULL COMMENT 'the processing officer' AFTER assisted_by,
	ADD COLUMN paused_at DATETIME NULL COMMENT 'UTC; the deadline clock stopped at a supplement request (5)' AFTER due_at,
	ADD COLUMN supplied_at DATETIME NULL COMMENT 'UTC; the applicant answered the supplement request, for staff to accept' AFTER paused_at,
	ADD COLUMN fee_amount BIGINT UNSIGNED NULL COMMENT 'VND asked for at status 6' AFTER supplied_at,
	ADD COLUMN approved_by INT UNSIGNED NULL COMMENT 'the leader who approved the result' AFTER fee_amount,
	ADD COLUMN approved_at DATETIME NULL AFTER approved_by,
	ADD COLUMN decided_at DATETIME NULL COMMENT 'UTC; result ready (9), refused (3) or stopped (8)' AFTER approved_at,
	ADD COLUMN returned_via ENUM('counter', 'online') NULL COMMENT 'how the result reached the applicant (10)' AFTER decided_at,
	ADD COLUMN late_at DATETIME NULL COMMENT 'UTC; marked overdue by portalctl mark-late' AFTER returned_via,
	ADD KEY applications_queue (unit_id, status, due_at),
	ADD KEY applications_by_assignee (unit_id, assignee_id, status, due_at),
	ADD KEY applications_received (unit_id, received_at),
	ADD KEY applications_due (status, due_at),
	ADD CONSTRAINT applications_assignee FOREIGN KEY (assignee_id) REFERENCES users (id),
	ADD CONSTRAINT applications_approver FOREIGN KEY (approved_by) REFERENCES users (id);

-- kind: 'status' (from_status -> to_status), else from = to:
--   'message'  a message to the applicant;
--   'note'     an internal note, never shown to the applicant (internal = 1);
--   'supplied' the applicant answered a supplement request;
--   'approval' a leader approved the result;
--   'late'     portalctl mark-late found the appointment passed;
--   'apology'  the apology letter (Mẫu 04) with the new appointment, due_at.
-- The written reasons of Mẫu 02 (the missing documents, one a line),
-- 03 (refusal) and 05 (stop) are the notes of the events to 5, 3 and 8.
ALTER TABLE application_events
	ADD COLUMN kind ENUM('status', 'message', 'note', 'supplied', 'approval', 'late', 'apology') NOT NULL DEFAULT 'status' AFTER to_status,
	ADD COLUMN internal TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: staff only' AFTER kind,
	ADD COLUMN due_at DATE NULL COMMENT 'the new appointment date of an apology' AFTER note;

-- Who added a file: the applicant's documents, the documents staff
-- scanned at the counter, the result staff uploaded (a PDF).
ALTER TABLE attachments
	ADD COLUMN kind ENUM('document', 'result') NOT NULL DEFAULT 'document' AFTER slot,
	ADD COLUMN added_by INT UNSIGNED NULL COMMENT 'NULL: the applicant' AFTER kind,
	ADD CONSTRAINT attachments_by FOREIGN KEY (added_by) REFERENCES users (id);

-- A notification knows the application it tells about, so that staff see
-- whether it was delivered.
ALTER TABLE outbox
	ADD COLUMN application_id BIGINT UNSIGNED NULL AFTER kind,
	ADD KEY outbox_app (application_id, id),
	ADD CONSTRAINT outbox_app FOREIGN KEY (application_id) REFERENCES applications (id);
