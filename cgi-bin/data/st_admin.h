/* Statements of portalctl: migrations, its lock, seeding.  An X-macro
 * list (no include guard): see data/db.h. */
Q(MIGRATIONS_APPLIED,
  "SELECT version FROM schema_migrations ORDER BY version", C(U64, version))
X(MIGRATION_RECORD,
  "INSERT INTO schema_migrations (version, name) VALUES (?, ?)")
QL(LOCK, "SELECT GET_LOCK(?, ?) AS got", C(I64, got))
QL(UNLOCK, "SELECT RELEASE_LOCK(?) AS released", C(I64, released))
/* migrations/seed/units-*.tsv: code, kind (phường|xã), name, slug. */
X(SEED_UNIT,
  "INSERT INTO units (code, kind, name, slug, valid_from) "
  "VALUES (?, IF(? = 'xã', 'xa', 'phuong'), ?, ?, '2022-05-01') "
  "ON DUPLICATE KEY UPDATE "
  "code = VALUES(code), kind = VALUES(kind), name = VALUES(name)")
/* migrations/seed/articles.tsv, reordered: slug, title, summary, body,
 * hours ago, unit slug. */
X(SEED_ARTICLE,
  "INSERT IGNORE INTO articles (unit_id, kind, status, slug, title, "
  "summary, body, published_at) SELECT id, 'news', 'published', ?, ?, "
  "?, ?, UTC_TIMESTAMP() - INTERVAL ? HOUR FROM units WHERE slug = ?")
