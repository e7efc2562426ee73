-- The procedure catalogue (issue 8): the national catalogue names some
-- procedures at length (up to 620 characters, e.g. the land procedures),
-- longer than 0011's VARCHAR(500).
ALTER TABLE procedure_versions
	MODIFY name VARCHAR(1000) NOT NULL;
