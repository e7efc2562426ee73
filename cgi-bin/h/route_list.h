/* Every route, once: an X-macro list (no include guard) expanded by h/h.h
 * (enum route_id, the handlers' prototypes) and h/routes.c (the table).
 *   ROUTE(name, methods, pattern, scope, roles, keys)
 * The handler is h_<name>; name also labels metrics and `portalctl
 * routes`.  methods: GET (with HEAD), FORM (GET, HEAD, POST) or POST;
 * scope: PUBLIC, USER, ROLE, UNIT or OWNER (http/router.h); roles: ROLE(...)
 * bits; keys: K(...) bits of the parameters the handler reads
 * (http/request.h).  Every POST needs the session's CSRF token. */
ROUTE(home, GET, "/", PUBLIC, 0, K(PAGE))
ROUTE(unit, GET, "/don-vi/{unit:slug}/", PUBLIC, 0, K(PAGE))
ROUTE(article, GET, "/don-vi/{unit:slug}/tin-tuc/{article:idslug}", PUBLIC, 0, 0)
ROUTE(healthz, GET, "/healthz", PUBLIC, 0, 0)
ROUTE(metrics, METHOD_GET, "/metrics", PUBLIC, 0, 0)
ROUTE(login, FORM, "/dang-nhap", PUBLIC, 0, K(NEXT) | K(ACCOUNT) | K(PASSWORD))
ROUTE(logout, POST, "/dang-xuat", PUBLIC, 0, 0)
ROUTE(register, FORM, "/dang-ky", PUBLIC, 0,
  K(FULL_NAME) | K(PHONE) | K(EMAIL) | K(ID_NUMBER) | K(PASSWORD) |
  K(PASSWORD2))
ROUTE(forgot, FORM, "/quen-mat-khau", PUBLIC, 0, K(EMAIL))
ROUTE(reset, FORM, "/dat-lai-mat-khau", PUBLIC, 0,
  K(TOKEN) | K(PASSWORD) | K(PASSWORD2))
ROUTE(email_confirm, FORM, "/xac-nhan-email", PUBLIC, 0, K(TOKEN))
ROUTE(account, FORM, "/tai-khoan", USER, 0,
  K(FULL_NAME) | K(EMAIL) | K(CURRENT_PASSWORD))
ROUTE(account_password, POST, "/tai-khoan/mat-khau", USER, 0,
  K(CURRENT_PASSWORD) | K(PASSWORD) | K(PASSWORD2))
ROUTE(account_logout_others, POST, "/tai-khoan/dang-xuat-khac", USER, 0, 0)
ROUTE(admin_users, GET, "/quan-tri/nguoi-dung", ROLE, ROLE(ADMIN), K(Q) | K(PAGE))
ROUTE(admin_user_new, FORM, "/quan-tri/nguoi-dung/moi", ROLE, ROLE(ADMIN),
  K(FULL_NAME) | K(PHONE) | K(EMAIL) | K(PASSWORD))
ROUTE(admin_user, GET, "/quan-tri/nguoi-dung/{user:id}", ROLE, ROLE(ADMIN), 0)
ROUTE(admin_user_grant, POST, "/quan-tri/nguoi-dung/{user:id}/cap-quyen", ROLE,
  ROLE(ADMIN), K(ROLE) | K(UNIT))
ROUTE(admin_user_revoke, POST, "/quan-tri/nguoi-dung/{user:id}/thu-hoi", ROLE,
  ROLE(ADMIN), K(ROLE) | K(UNIT))
ROUTE(admin_user_lock, POST, "/quan-tri/nguoi-dung/{user:id}/khoa", ROLE,
  ROLE(ADMIN), K(ACTION))
ROUTE(editor, GET, "/bien-tap/", ROLE, ROLE(EDITOR) | ROLE(LEADER) |
  ROLE(ADMIN), K(FILTER))
ROUTE(editor_new, FORM, "/bien-tap/bai-viet/moi", ROLE, ROLE(EDITOR) |
  ROLE(LEADER) | ROLE(ADMIN), K(UNIT) | K(KIND) | K(TITLE) | K(SUMMARY) |
  K(BODY) | K(ACTION))
ROUTE(editor_edit, FORM, "/bien-tap/bai-viet/{article:id}", OWNER,
  ROLE(EDITOR) | ROLE(LEADER) | ROLE(ADMIN), K(TITLE) | K(SUMMARY) |
  K(BODY) | K(ACTION) | K(VERSION) | K(KIND) | K(CATEGORY) | K(PINNED) |
  K(EXPIRES) | K(PUBLISH_AT) | K(ALT) | K(NOTE) | K(FILES))
ROUTE(desk, GET, "/mot-cua/", ROLE, ROLE(STAFF) | ROLE(LEADER),
  K(UNIT) | K(STATUS) | K(PROC) | K(CHANNEL) | K(ASSIGNEE) | K(DUE) | K(PAGE))
/* Issue 8, tracking and the resident's applications (h/h_track.c,
 * h/h_myapps.c). */
ROUTE(track, GET, "/tra-cuu", PUBLIC, 0, K(APP_CODE) | K(VERIFY))
ROUTE(api_track, GET, "/api/v1/track", PUBLIC, 0, K(APP_CODE) | K(VERIFY))
ROUTE(myapps, GET, "/ho-so", USER, 0, 0)
ROUTE(myapp, GET, "/ho-so/{code:slug}", USER, 0, 0)
ROUTE(myapp_withdraw, POST, "/ho-so/{code:slug}/rut", USER, 0, K(VERSION))
ROUTE(myapp_rate, POST, "/ho-so/{code:slug}/danh-gia", USER, 0,
  K(RATING) | K(COMMENT))
/* Attachments (issue 8, the store): an application's file, to the
 * applicant and the staff and leaders of its unit (h/h_file.c). */
ROUTE(file, GET, "/ho-so/{code:slug}/tep/{file:id}", USER, 0, 0)
/* Issue 8, the procedure catalogue: public list, one procedure, JSON;
 * the administrator's list and edit form (a save adds a version). */
ROUTE(procedures, GET, "/thu-tuc", PUBLIC, 0,
  K(Q) | K(SECTOR) | K(ONLINE) | K(PAGE))
ROUTE(procedure, GET, "/thu-tuc/{code:code}", PUBLIC, 0, 0)
ROUTE(api_procedures, GET, "/api/v1/procedures", PUBLIC, 0,
  K(Q) | K(SECTOR) | K(ONLINE) | K(PAGE))
ROUTE(admin_procedures, GET, "/quan-tri/thu-tuc", ROLE, ROLE(ADMIN),
  K(Q) | K(PAGE))
ROUTE(admin_procedure, FORM, "/quan-tri/thu-tuc/{code:code}", ROLE,
  ROLE(ADMIN), K(PROC_NAME) | K(SECTOR) | K(LEVEL) | K(AGENCY) | K(ONLINE) |
  K(DAYS) | K(STEPS) | K(DOCUMENTS) | K(LEGAL) | K(APPLICANTS) | K(RESULT) |
  K(CONDITIONS) | K(FEES) | K(PUBLISHED))
/* Applying online (issue 8): the e-form, drafts, the receipt. */
ROUTE(apply, FORM, "/thu-tuc/{code:code}/nop", USER, 0,
  K(DRAFT) | K(IDEM) | K(ACTION) | K(UNIT) | K(EFORM) | K(FILES) |
  K(ASSIST_PHONE) | K(ASSIST_CONSENT))
ROUTE(apply_receipt, GET, "/ho-so/{code:slug}/bien-nhan", USER, 0, 0)
/* Issue 8, uploads: the applicant's answer to a supplement request
 * (status 5), files for the e-form's slots (h/h_upload.c). */
ROUTE(myapp_supplement, POST, "/ho-so/{code:slug}/bo-sung", USER, 0,
  K(VERSION) | K(FILES))
/* Issue 8, the printable declaration: a blank tờ khai generated from the
 * e-form of the version in force, for applying at the counter
 * (h/h_tokhai.c). */
ROUTE(procedure_tokhai, GET, "/thu-tuc/{code:code}/to-khai", PUBLIC, 0, 0)
/* Issue 9, part D: the printable forms of the one-stop desk, Mẫu 01-05
 * (h/h_forms.c), and counter intake: staff register a walk-in
 * application with its scanned documents (h/h_intake.c). */
ROUTE(desk_form, GET, "/mot-cua/ho-so/{code:slug}/mau/{form:id}", OWNER,
  ROLE(STAFF) | ROLE(LEADER), 0)
ROUTE(desk_intake, FORM, "/mot-cua/tiep-nhan", ROLE, ROLE(STAFF),
  K(UNIT) | K(PROC) | K(PHONE) | K(FULL_NAME) | K(EMAIL) | K(NOTE) |
  K(FILES) | K(IDEM))
/* Issue 9, part C (notifications): every mail and SMS of an application
 * and whether it was delivered, for the staff and leaders of its unit
 * (h/h_notices.c). */
ROUTE(desk_notices, GET, "/mot-cua/ho-so/{code:slug}/thong-bao", OWNER,
  ROLE(STAFF) | ROLE(LEADER), 0)
/* Issue 9, part B: the register of a unit's applications (Sổ theo dõi hồ
 * sơ, Mẫu 07), as a page or CSV (h/h_desk_register.c). */
ROUTE(desk_register, GET, "/mot-cua/so-theo-doi", ROLE,
  ROLE(STAFF) | ROLE(LEADER), K(UNIT) | K(FROM) | K(TO) | K(FORMAT) | K(PAGE))
/* Issue 10, sign-in with Thái Nguyên ID (h/h_tnid.c): the start of a
 * login (lien_ket=1: link the signed-in account), the provider's
 * callback, the confirmation of a link to the account that has the same
 * verified ID number, unlinking. */
ROUTE(tnid_login, GET, "/auth/tnid/login", PUBLIC, 0, K(RETURN_TO) | K(LINK))
ROUTE(tnid_callback, GET, "/auth/tnid/callback", PUBLIC, 0,
  K(OIDC_CODE) | K(OIDC_STATE) | K(OIDC_ISS) | K(OIDC_ERROR) |
  K(OIDC_ERROR_DESC))
ROUTE(tnid_confirm, FORM, "/auth/tnid/lien-ket", USER, 0, 0)
ROUTE(tnid_unlink, POST, "/tai-khoan/thai-nguyen-id/huy", USER, 0, 0)
/* Issue 9, part A: the desk's page of one application and its
 * transitions (h/h_desk_app.c, app/desk.c). */
ROUTE(desk_app, FORM, "/mot-cua/ho-so/{code:slug}", OWNER,
  ROLE(STAFF) | ROLE(LEADER), K(ACTION) | K(VERSION) | K(NOTE) |
  K(ASSIGNEE) | K(AMOUNT) | K(DATE) | K(CHANNEL) | K(FILES))
/* Issue 11: the newsroom's images and PDFs, by their content's name
 * (h/h_media.c, app/media.c). */
ROUTE(media, GET, "/media/{name:media}", PUBLIC, 0, 0)
/* Issue 12, part E (statistics): the public dashboard and its CSV, the
 * same for the staff and leaders of a unit with its late applications
 * (h/h_stats.c), the JSON (h/h_stats_api.c). */
ROUTE(stats, GET, "/thong-ke", PUBLIC, 0,
  K(UNIT) | K(FROM) | K(TO) | K(FORMAT) | K(TABLE))
ROUTE(desk_stats, GET, "/mot-cua/thong-ke", ROLE, ROLE(STAFF) | ROLE(LEADER),
  K(UNIT) | K(FROM) | K(TO) | K(FORMAT) | K(TABLE))
ROUTE(api_stats, GET, "/api/v1/stats", PUBLIC, 0, K(UNIT) | K(FROM) | K(TO))
/* Issue 11, part B: the newsroom (h/h_editor.c, h/h_editor_more.c,
 * app/article.c): the preview of an article as the public page shows
 * it, its revisions (a diff with the current text; restore), the unit's
 * categories. */
ROUTE(editor_preview, FORM, "/bien-tap/bai-viet/{article:id}/xem-truoc",
  OWNER, ROLE(EDITOR) | ROLE(LEADER) | ROLE(ADMIN), K(TITLE) | K(SUMMARY) |
  K(BODY) | K(KIND) | K(CATEGORY) | K(ALT))
ROUTE(editor_history, GET, "/bien-tap/bai-viet/{article:id}/lich-su", OWNER,
  ROLE(EDITOR) | ROLE(LEADER) | ROLE(ADMIN), 0)
ROUTE(editor_revision, FORM,
  "/bien-tap/bai-viet/{article:id}/lich-su/{revision:id}", OWNER,
  ROLE(EDITOR) | ROLE(LEADER) | ROLE(ADMIN), K(VERSION) | K(ACTION))
ROUTE(editor_categories, FORM, "/bien-tap/chuyen-muc", ROLE, ROLE(EDITOR) |
  ROLE(LEADER) | ROLE(ADMIN), K(UNIT) | K(NAME) | K(CATEGORY) | K(ACTION))
ROUTE(editor_media, FORM, "/bien-tap/bai-viet/{article:id}/tep", OWNER,
  ROLE(EDITOR) | ROLE(LEADER) | ROLE(ADMIN), K(FILES) | K(ALT))
/* Issue 11, part A (the units' websites): a unit's listings and feeds,
 * the city's news and feed, the units that merged and their archives
 * (h/h_sites.c, h/h_feed.c), the sitemap and robots.txt
 * (h/h_sitemap.c), the JSON API of units and news (h/h_api_sites.c). */
ROUTE(unit_news, GET, "/don-vi/{unit:slug}/tin-tuc", PUBLIC, 0, K(PAGE))
ROUTE(unit_notices, GET, "/don-vi/{unit:slug}/thong-bao", PUBLIC, 0, K(PAGE))
ROUTE(unit_category, GET, "/don-vi/{unit:slug}/chuyen-muc/{category:slug}",
  PUBLIC, 0, K(PAGE))
ROUTE(unit_feed, GET, "/don-vi/{unit:slug}/feed.atom", PUBLIC, 0, 0)
ROUTE(unit_category_feed, GET,
  "/don-vi/{unit:slug}/chuyen-muc/{category:slug}/feed.atom", PUBLIC, 0, 0)
ROUTE(news, GET, "/tin-tuc", PUBLIC, 0, K(PAGE))
ROUTE(feed, GET, "/feed.atom", PUBLIC, 0, 0)
ROUTE(units_earlier, GET, "/don-vi-cu", PUBLIC, 0, 0)
ROUTE(unit_archive, GET, "/don-vi-cu/{unit:slug}", PUBLIC, 0, K(PAGE))
ROUTE(sitemap, GET, "/sitemap.xml", PUBLIC, 0, K(PAGE))
ROUTE(robots, GET, "/robots.txt", PUBLIC, 0, 0)
ROUTE(api_units, GET, "/api/v1/units", PUBLIC, 0, K(ALL))
ROUTE(api_news, GET, "/api/v1/news", PUBLIC, 0, K(API_UNIT) | K(API_PAGE))
/* Issue 11, part C (content): a unit's documents, the leaders' weekly
 * schedule, introduction pages, contacts, questions and answers
 * (h/h_content.c, h/h_qa.c), and the editors' pages for them
 * (h/h_ed_doc.c, h/h_ed_site.c, h/h_ed_qa.c). */
ROUTE(unit_documents, GET, "/don-vi/{unit:slug}/van-ban", PUBLIC, 0,
  K(PAGE) | K(YEAR) | K(DOC_TYPE))
ROUTE(unit_document, GET, "/don-vi/{unit:slug}/van-ban/{document:id}", PUBLIC,
  0, 0)
ROUTE(unit_schedule, GET, "/don-vi/{unit:slug}/lich-cong-tac", PUBLIC, 0,
  K(WEEK))
ROUTE(unit_intro, GET, "/don-vi/{unit:slug}/gioi-thieu", PUBLIC, 0, 0)
ROUTE(unit_intro_page, GET, "/don-vi/{unit:slug}/gioi-thieu/{page:slug}",
  PUBLIC, 0, 0)
ROUTE(unit_contacts, GET, "/don-vi/{unit:slug}/lien-he", PUBLIC, 0, 0)
ROUTE(unit_qa, FORM, "/don-vi/{unit:slug}/hoi-dap", PUBLIC, 0,
  K(PAGE) | K(TITLE) | K(BODY) | K(FULL_NAME) | K(EMAIL))
ROUTE(qa_confirm, FORM, "/hoi-dap/xac-nhan", PUBLIC, 0, K(TOKEN))
ROUTE(ed_content, GET, "/bien-tap/noi-dung", ROLE, ROLE(EDITOR), K(UNIT))
ROUTE(ed_documents, GET, "/bien-tap/van-ban", ROLE, ROLE(EDITOR),
  K(UNIT) | K(PAGE) | K(NOTICE))
ROUTE(ed_document_new, FORM, "/bien-tap/van-ban/moi", ROLE, ROLE(EDITOR),
  K(UNIT) | K(NUMBER) | K(DOC_TYPE) | K(AGENCY) | K(SIGNER) | K(DATE) |
  K(EFFECTIVE) | K(TITLE) | K(BODY) | K(ACTION) | K(FILES))
ROUTE(ed_document, FORM, "/bien-tap/van-ban/{document:id}", OWNER,
  ROLE(EDITOR), K(NUMBER) | K(DOC_TYPE) | K(AGENCY) | K(SIGNER) | K(DATE) |
  K(EFFECTIVE) | K(TITLE) | K(BODY) | K(ACTION) | K(FILES) | K(NOTICE))
ROUTE(ed_schedule, FORM, "/bien-tap/lich-cong-tac", ROLE, ROLE(EDITOR),
  K(UNIT) | K(WEEK) | K(DATE) | K(TIME) | K(SUMMARY) | K(PLACE) |
  K(PRESIDER) | K(PARTICIPANTS) | K(NOTICE))
ROUTE(ed_schedule_item, FORM, "/bien-tap/lich-cong-tac/{item:id}", OWNER,
  ROLE(EDITOR), K(DATE) | K(TIME) | K(SUMMARY) | K(PLACE) | K(PRESIDER) |
  K(PARTICIPANTS) | K(ACTION))
ROUTE(ed_pages, FORM, "/bien-tap/gioi-thieu", ROLE, ROLE(EDITOR),
  K(UNIT) | K(SLUG) | K(TITLE) | K(BODY) | K(POSITION) | K(NOTICE))
ROUTE(ed_page, FORM, "/bien-tap/gioi-thieu/{upage:id}", OWNER, ROLE(EDITOR),
  K(SLUG) | K(TITLE) | K(BODY) | K(POSITION) | K(NOTICE))
ROUTE(ed_contacts, FORM, "/bien-tap/lien-he", ROLE, ROLE(EDITOR),
  K(UNIT) | K(POSITION) | K(TITLE) | K(FULL_NAME) | K(TEL) | K(EMAIL) |
  K(ADDRESS) | K(HOURS) | K(NOTICE))
ROUTE(ed_contact, FORM, "/bien-tap/lien-he/{contact:id}", OWNER, ROLE(EDITOR),
  K(POSITION) | K(TITLE) | K(FULL_NAME) | K(TEL) | K(EMAIL) | K(ADDRESS) |
  K(HOURS) | K(ACTION))
ROUTE(ed_questions, GET, "/bien-tap/hoi-dap", ROLE, ROLE(EDITOR),
  K(UNIT) | K(NOTICE))
ROUTE(ed_question, FORM, "/bien-tap/hoi-dap/{question:id}", OWNER,
  ROLE(EDITOR), K(BODY) | K(ACTION) | K(NOTICE))
/* Issue 11, part D: one search over the articles, documents and
 * procedures of every current unit, as a page and as JSON
 * (h/h_search.c, app/search.c). */
ROUTE(search, GET, "/tim-kiem", PUBLIC, 0,
  K(Q) | K(UNIT) | K(SEARCH_KIND) | K(PAGE))
ROUTE(api_search, GET, "/api/v1/search", PUBLIC, 0,
  K(Q) | K(UNIT) | K(SEARCH_KIND) | K(PAGE))
