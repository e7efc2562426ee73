/* Every statement of the program, domain by domain: an X-macro list (no
 * include guard) expanded by data/db.h and data/db.c with
 *   Q(ID, sql, columns)    a query, retried once after a lost link
 *   QL(ID, sql, columns)   a query that takes locks: never retried
 *   X(ID, sql)             a statement that returns no rows
 *   C(TYPE, name)          one result column: U64, I64, TEXT or TIME
 * A column's name is the name MariaDB reports for it (alias expressions);
 * `portalctl check-sql` compares both against the live schema. */
#include "data/st_site.h"
#include "data/st_admin.h"
#include "data/st_account.h"
#include "data/st_editor.h"
#include "data/st_outbox.h"
#include "data/st_track.h"
#include "data/st_store.h"
#include "data/st_procedure.h"
#include "data/st_application.h"
#include "data/st_assist.h"
#include "data/st_upload.h"
#include "data/st_forms.h"
#include "data/st_notify.h"
#include "data/st_queue.h"
#include "data/st_tnid.h"
#include "data/st_desk.h"
#include "data/st_search.h"
#include "data/st_media.h"
#include "data/st_stats.h"
#include "data/st_article.h"
#include "data/st_sites.h"
#include "data/st_content.h"
