-- A personal ID number typed at registration is its resident's claim, not
-- a fact: more than one account may claim a number, and the registration
-- form never says that another account has it (issue 7: it told anyone
-- who is registered).  The holders already on file are told by mail
-- instead.  A number is verified (by Thái Nguyên ID, or at the one-stop
-- desk against the card) for one account only: verified numbers are
-- unique.  Numbers on file before this migration were never verified.
-- Every DATETIME is UTC.  (MariaDB 10.11 refuses IF() in a generated
-- column, hence a column of its own kept equal by a CHECK.)
ALTER TABLE users
	ADD COLUMN id_verified_at DATETIME NULL COMMENT 'UTC; NULL: the ID number is the resident''s claim' AFTER id_last4,
	ADD COLUMN id_verified_index CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'id_index once verified, set with id_verified_at' AFTER id_verified_at,
	DROP INDEX users_id_index,
	ADD KEY users_id_index (id_index),
	ADD UNIQUE KEY users_id_verified (id_verified_index),
	ADD CONSTRAINT users_id_verified_same CHECK ((id_verified_index IS NULL) = (id_verified_at IS NULL) AND (id_verified_index IS NULL OR id_verified_index = id_index));
