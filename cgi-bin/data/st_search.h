/* Statements of the search index (app/search.c): the rows of
 * search_docs and the sources they are made from.  An X-macro list (no
 * include guard): see data/db.h. */
Q(SEARCH_ARTICLE_SRC,
  "SELECT a.unit_id, a.title, CONCAT(a.summary, ' ', a.body) AS body, "
  "CONCAT('/don-vi/', u.slug, '/tin-tuc/', a.id, '-', a.slug) AS url, "
  "a.status = 'published' AND a.published_at IS NOT NULL AS visible, "
  "a.published_at, a.expires_at FROM articles a JOIN units u "
  "ON u.id = a.unit_id WHERE a.id = ?",
  C(U64, unit_id) C(TEXT, title) C(TEXT, body) C(TEXT, url)
  C(U64, visible) C(TIME, published_at) C(TIME, expires_at))
Q(SEARCH_DOCUMENT_SRC,
  "SELECT d.unit_id, CONCAT(d.number, ' ', d.title) AS title, "
  "CONCAT(d.issuer, ' ', d.signer, ' ', d.summary) AS body, "
  "CONCAT('/don-vi/', u.slug, '/van-ban/', d.id) AS url, "
  "d.status = 'published' AND d.published_at IS NOT NULL AS visible, "
  "d.published_at, CAST(NULL AS DATETIME) AS expires_at FROM documents d JOIN units u "
  "ON u.id = d.unit_id WHERE d.id = ?",
  C(U64, unit_id) C(TEXT, title) C(TEXT, body) C(TEXT, url)
  C(U64, visible) C(TIME, published_at) C(TIME, expires_at))
X(SEARCH_PUT,
  "INSERT INTO search_docs (kind, ref_id, unit_id, title, url, "
  "title_folded, body_folded, visible_from, visible_to) VALUES "
  "(?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), FROM_UNIXTIME(?)) "
  "ON DUPLICATE KEY UPDATE unit_id = VALUE(unit_id), title = VALUE(title), "
  "url = VALUE(url), title_folded = VALUE(title_folded), "
  "body_folded = VALUE(body_folded), visible_from = VALUE(visible_from), "
  "visible_to = VALUE(visible_to)")
X(SEARCH_DROP, "DELETE FROM search_docs WHERE kind = ? AND ref_id = ?")
