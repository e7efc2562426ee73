-- Statistics (issue 12): the keys that let the indicators of a date range
-- be read from an index alone, over a million applications.  No table:
-- every number is computed from the applications, their timeline and
-- their files when asked (app/stats.c), and cached for a minute.
--
-- stats_received: the city's applications received in a range, with every
-- column the indicators read (channel, status, appointment, decision,
-- rating, procedure); stats_unit_received: the same within one unit.
ALTER TABLE applications
	ADD KEY stats_received (received_at, unit_id, channel, status, due_at, decided_at, rating, procedure_version),
	ADD KEY stats_unit_received (unit_id, received_at, channel, status, due_at, decided_at, rating, procedure_version);

-- The supplement requests (events to status 5) made since a day, with the
-- application they belong to.
ALTER TABLE application_events
	ADD KEY stats_events (to_status, kind, at, application_id);

-- Documents uploaded by staff at intake, by the time they were added.
ALTER TABLE attachments
	ADD KEY stats_attachments (kind, created_at, added_by, application_id);

-- Answered questions of a unit by the time of the answer.
ALTER TABLE questions
	ADD KEY stats_questions (unit_id, status, answered_at);
