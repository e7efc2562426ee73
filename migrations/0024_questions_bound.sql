-- Questions and answers (issue 11, part C): an anonymous question is
-- bounded per address and per email (a day), so its address is kept with
-- it; the confirmation link is looked up by its hash.
ALTER TABLE questions
	ADD asker_addr VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '' COMMENT 'where an anonymous question came from' AFTER email,
	ADD KEY questions_addr (asker_addr, created_at),
	ADD KEY questions_email (email, created_at);
