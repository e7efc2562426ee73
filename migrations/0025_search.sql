-- Search (issue 11): the text of a row as written (plain text: Markdown
-- rendered, no markup), from which a hit's snippet is cut and its words
-- marked; and a FULLTEXT index of the folded title alone, so that a title
-- that matches ranks above a body that does.
--
-- The server must index every word of one letter or more, with no stop
-- words (Vietnamese syllables are short: "y", "xa", "an"):
-- innodb_ft_min_token_size=1 (read at start-up only) and
-- innodb_ft_enable_stopword=OFF (README, "Search").  A FULLTEXT index
-- takes both when it is built: this session drops the stop words itself,
-- and the index of 0021 is built again with the new one.
-- A title is as long as its source's: a procedure's name is up to 1,000
-- characters (0012), a document's number and title 561.
SET SESSION innodb_ft_enable_stopword = OFF;
ALTER TABLE search_docs
	MODIFY title VARCHAR(1000) NOT NULL,
	MODIFY title_folded VARCHAR(1000) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
	ADD body MEDIUMTEXT NOT NULL DEFAULT '' COMMENT 'plain text as written, for snippets' AFTER body_folded;
ALTER TABLE search_docs DROP INDEX search_docs_text;
ALTER TABLE search_docs
	ADD FULLTEXT KEY search_docs_text (title_folded, body_folded);
ALTER TABLE search_docs
	ADD FULLTEXT KEY search_docs_title (title_folded);
