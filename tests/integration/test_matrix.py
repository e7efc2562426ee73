"""The authorization matrix: every route of `portalctl routes` x every
method it allows (GET, POST, and HEAD, which must answer as GET does) x
every actor x, for routes with an object in the path (or, for
/bien-tap/bai-viet/moi, in the body), an object of the actor's own unit,
one of another unit and one that does not exist.  The expected status of
every cell is written out below (the EXPECT table), reviewed by hand from
the rules in README.md (Architecture: "Authorization") and the handlers:
it is NOT derived from the route table the server uses.  The test fails when the server's route table has a route or
method that EXPECT does not cover, or when EXPECT has rows for routes or
methods that no longer exist.

What the test takes from the router (`portalctl routes`) is only how to
ask: each route's pattern, whose placeholders ({unit}, {article}, {user},
optionally typed as {article:id}) are filled with the row's object, and
whether it allows HEAD.  A route that allows HEAD must answer a HEAD as
it answers the GET of its row, with no body; one that does not must
refuse it (405).  So a new route needs one EXPECT row per method and
object, and nothing else (a new kind of object in a path needs a value
in objects_for).  An actor of ALIKE (the digital-technology team member)
has no column: it answers as the column it names, except in the cells it
lists.

The rules the table encodes (README.md, "Authorization"): public routes
answer everyone;
a protected GET sends an anonymous visitor to /dang-nhap?tiep=<path>
(303); a protected POST by an anonymous visitor, or any request by a
signed-in person without the route's role, is refused (403); with the
role, an object of another unit, or none at all, is "not found" (404);
with the role and one's own object the handler answers (200, or 303 after
a successful POST, or 422 for a POST body that is invalid on purpose).

POSTs carry the actor's valid CSRF token.  Where the actor is expected to
be allowed, the body is invalid on purpose (or harmless) so that nothing
lasting changes; where the actor is expected to be refused, the body is a
valid, harmful one, so that a hole would show in the database as well as
in the status (checked with SQL at the end).  Every response body is also
searched for the titles of the test's two drafts: only the editor of the
draft's unit may ever see one.  POST /dang-xuat runs last (it ends the
actor's session).

Prints "matrix: N cells ..." and one PASS/FAIL line per route, plus a few
checks of their own."""
import hashlib
import os
import struct
import sys
import uuid
import zlib
from urllib.parse import parse_qs, urlsplit

from lib import (Client, case, check, demo_login, ensure_procedure, fill, main, register, routes, sql,
                 sql_quote as quote, stack_env, user_id)

# Requests leave from a loopback address of their own, so that sign-in
# throttling, which counts per source address, is not shared with the
# other tests.
ADDR = "127.0.0.61"

# ---------------------------------------------------------------------------
# Actors: column order of EXPECT.  "unit": where the actor edits articles
# (used only to pick a harmless or a harmful body, never the expectation).

ACTORS = ["anon", "res", "edBH", "edBB", "stBH", "ldBH", "admin"]
PHONES = {
    "res": "0912000041",    # resident
    "edBH": "0912000011",   # editor of ba-hang
    "edBB": "0912000012",   # editor of bai-bong
    "stBH": "0912000021",   # one-stop staff of ba-hang
    "ldBH": "0912000031",   # leader of ba-hang
    "admin": "0912000001",  # city administrator
}
EDITS_UNIT = {"edBH": "ba-hang", "edBB": "bai-bong", "ldBH": "ba-hang"}
EDITS_ALL = {"admin"}     # the administrator acts on every unit's articles

# Actors without a column of their own in EXPECT_TABLE: each answers every
# cell as the named column does, except the cells listed here (written by
# hand, like the table).  The digital-technology team member of ba-hang
# (tổ công nghệ số, issue 8) holds no route's role: signed in like the
# resident, but the resident's own application and file are not theirs.
ALIKE = {
    "dgBH": ("res", {
        ("myapp", "GET", "app-res"): 404,
        ("myapp_withdraw", "POST", "app-res"): 404,
        ("myapp_rate", "POST", "app-res"): 404,
        ("myapp_supplement", "POST", "app-res"): 404,
        ("apply_receipt", "GET", "app-res"): 404,
        ("file", "GET", "file-bh"): 404,
    }),
}
PHONES["dgBH"] = "0912000051"   # digital-technology team of ba-hang

# ---------------------------------------------------------------------------
# THE EXPECTATION TABLE.  One line per route, method and object; one
# status per actor, in the order of ACTORS.  Objects:
#   -             the route has no object
#   ba-hang       {unit} = ba-hang (public unit page)
#   missing       a unit / article / user that does not exist
#   pub-bh        a published ba-hang article at /don-vi/ba-hang/...
#   pub-bb@bh     a published bai-bong article, asked for under ba-hang
#   draft-bh      the test's draft of ba-hang (public route: under ba-hang)
#   draft-bb      the test's draft of bai-bong (public route: under bai-bong)
#   unit-bh       editor_new POST with don_vi = ba-hang's id
#   unit-bb       editor_new POST with don_vi = bai-bong's id
#   user          an existing (throwaway) user
#   app-res       {code} = an application of the demo resident (status 10:
#                 returned, not rated)
#   app-other     {code} = an application of the throwaway user
#   file-bh       an attachment of the demo resident's application in ba-hang
#   proc          a procedure with an e-form ({code:code} = 1.001193)
#   rcv-bh        {code} = an application received in ba-hang (status 2),
#                 {form} = 1 (its receipt, Mẫu 01)
#   rcv-bb        the same in bai-bong
#   media-bh      a newsroom image of ba-hang, by its public name
#   cat-bh        {unit} = ba-hang, {category} = a category of ba-hang
#
# Statuses of "own object" cells that are 422 come from bodies that are
# invalid on purpose; the 404s of "other unit" cells come from valid ones.

EXPECT_TABLE = """
# route                 method object      anon res  edBH edBB stBH ldBH admin
home                    GET    -           200  200  200  200  200  200  200
unit                    GET    ba-hang     200  200  200  200  200  200  200
unit                    GET    missing     404  404  404  404  404  404  404
article                 GET    pub-bh      200  200  200  200  200  200  200
article                 GET    pub-bb@bh   404  404  404  404  404  404  404
article                 GET    draft-bh    404  404  404  404  404  404  404
article                 GET    draft-bb    404  404  404  404  404  404  404
healthz                 GET    -           200  200  200  200  200  200  200
metrics                 GET    -           200  200  200  200  200  200  200
login                   GET    -           200  303  303  303  303  303  303
login                   POST   -           422  422  422  422  422  422  422
register                GET    -           200  200  200  200  200  200  200
register                POST   -           422  422  422  422  422  422  422
forgot                  GET    -           200  200  200  200  200  200  200
forgot                  POST   -           422  422  422  422  422  422  422
reset                   GET    -           404  404  404  404  404  404  404
reset                   POST   -           404  404  404  404  404  404  404
email_confirm           GET    -           404  404  404  404  404  404  404
email_confirm           POST   -           404  404  404  404  404  404  404
account                 GET    -           303  200  200  200  200  200  200
account                 POST   -           403  422  422  422  422  422  422
account_password        POST   -           403  422  422  422  422  422  422
account_logout_others   POST   -           403  303  303  303  303  303  303
admin_users             GET    -           303  403  403  403  403  403  200
admin_user_new          GET    -           303  403  403  403  403  403  200
admin_user_new          POST   -           403  403  403  403  403  403  422
admin_user              GET    user        303  403  403  403  403  403  200
admin_user              GET    missing     303  403  403  403  403  403  404
admin_user_grant        POST   user        403  403  403  403  403  403  422
admin_user_grant        POST   missing     403  403  403  403  403  403  404
admin_user_revoke       POST   user        403  403  403  403  403  403  422
admin_user_revoke       POST   missing     403  403  403  403  403  403  404
admin_user_lock         POST   user        403  403  403  403  403  403  303
admin_user_lock         POST   missing     403  403  403  403  403  403  404
editor                  GET    -           303  403  200  200  403  200  200
editor_new              GET    -           303  403  200  200  403  200  200
editor_new              POST   unit-bh     403  403  422  404  403  422  422
editor_new              POST   unit-bb     403  403  404  422  403  404  422
editor_edit             GET    draft-bh    303  403  200  404  403  200  200
editor_edit             GET    draft-bb    303  403  404  200  403  404  200
editor_edit             GET    missing     303  403  404  404  403  404  404
editor_edit             POST   draft-bh    403  403  422  404  403  422  422
editor_edit             POST   draft-bb    403  403  404  422  403  404  422
editor_edit             POST   missing     403  403  404  404  403  404  404
desk                    GET    -           303  403  403  403  200  200  403
track                   GET    -           200  200  200  200  200  200  200
api_track               GET    -           400  400  400  400  400  400  400
myapps                  GET    -           303  200  200  200  200  200  200
myapp                   GET    app-res     303  200  404  404  404  404  404
myapp                   GET    app-other   303  404  404  404  404  404  404
myapp                   GET    missing     303  404  404  404  404  404  404
myapp_withdraw          POST   app-res     403  422  404  404  404  404  404
myapp_withdraw          POST   app-other   403  404  404  404  404  404  404
myapp_withdraw          POST   missing     403  404  404  404  404  404  404
myapp_rate              POST   app-res     403  422  404  404  404  404  404
myapp_rate              POST   app-other   403  404  404  404  404  404  404
myapp_rate              POST   missing     403  404  404  404  404  404  404
file                    GET    file-bh     303  200  404  404  200  200  404
file                    GET    missing     303  404  404  404  404  404  404
# issue 8, the procedure catalogue: proc = 1.001193 (seeded); the admin's
# POST is invalid on purpose (422), the others' a valid rename (refused)
procedures              GET    -           200  200  200  200  200  200  200
procedure               GET    proc        200  200  200  200  200  200  200
procedure               GET    missing     404  404  404  404  404  404  404
api_procedures          GET    -           200  200  200  200  200  200  200
admin_procedures        GET    -           303  403  403  403  403  403  200
admin_procedure         GET    proc        303  403  403  403  403  403  200
admin_procedure         GET    missing     303  403  403  403  403  403  404
admin_procedure         POST   proc        403  403  403  403  403  403  422
admin_procedure         POST   missing     403  403  403  403  403  403  404
# Applying online (issue 8): anyone signed in; one's own receipt only.
apply                   GET    proc        303  200  200  200  200  200  200
apply                   GET    missing     303  404  404  404  404  404  404
apply                   POST   proc        403  422  422  422  422  422  422
apply                   POST   missing     403  404  404  404  404  404  404
apply_receipt           GET    app-res     303  200  404  404  404  404  404
apply_receipt           GET    missing     303  404  404  404  404  404  404
# Uploads (issue 8): the supplement answer, the applicant's own only
# (app-res is at status 10: without a version 422 comes first)
myapp_supplement        POST   app-res     403  422  404  404  404  404  404
myapp_supplement        POST   app-other   403  404  404  404  404  404  404
myapp_supplement        POST   missing     403  404  404  404  404  404  404
# The printable declaration (issue 8): public, from the e-form of proc
procedure_tokhai        GET    proc        200  200  200  200  200  200  200
procedure_tokhai        GET    missing     404  404  404  404  404  404  404
# Issue 9, part D: the desk's printable forms (staff and leaders of the
# application's unit) and counter intake (staff only; their POST is
# invalid on purpose, the others' a valid intake for a new phone)
desk_form               GET    rcv-bh      303  403  403  403  200  200  403
desk_form               GET    rcv-bb      303  403  403  403  404  404  403
desk_form               GET    missing     303  403  403  403  404  404  403
desk_intake             GET    -           303  403  403  403  200  403  403
desk_intake             POST   -           403  403  403  403  422  403  403
# The desk's register (issue 9, part B): staff and leaders, their own unit
desk_register           GET    -           303  403  403  403  200  200  403
# Thái Nguyên ID (issue 10): the login start sends everyone on (to the
# provider, or, signed in, back); a callback without a state is refused;
# nobody here has a link awaiting confirmation, nor a link to undo
tnid_login              GET    -           303  303  303  303  303  303  303
tnid_callback           GET    -           400  400  400  400  400  400  400
tnid_confirm            GET    -           303  404  404  404  404  404  404
tnid_confirm            POST   -           403  404  404  404  404  404  404
tnid_unlink             POST   -           403  404  404  404  404  404  404
# The desk's page of one application (issue 9, part A): staff and leaders
# of its unit (ba-hang); the allowed POST names no action (400), the
# refused ones a valid internal note (nothing may be written)
desk_app                GET    app-res     303  403  403  403  200  200  403
desk_app                GET    app-other   303  403  403  403  200  200  403
desk_app                GET    missing     303  403  403  403  404  404  403
desk_app                POST   app-res     403  403  403  403  400  400  403
desk_app                POST   app-other   403  403  403  403  400  400  403
desk_app                POST   missing     403  403  403  403  404  404  403
media                   GET    media-bh    200  200  200  200  200  200  200
media                   GET    missing     404  404  404  404  404  404  404
logout                  POST   -           303  303  303  303  303  303  303
# Issue 11, part B: the newsroom's other pages, for the editors and the
# leader of the article's unit and the administrator (POSTs without an
# action: 400; the preview's POST shows the form's text: 200; the upload
# of an image or PDF without a file: 422)
editor_preview          GET    draft-bh    303  403  200  404  403  200  200
editor_preview          GET    draft-bb    303  403  404  200  403  404  200
editor_preview          GET    missing     303  403  404  404  403  404  404
editor_preview          POST   draft-bh    403  403  200  404  403  200  200
editor_preview          POST   draft-bb    403  403  404  200  403  404  200
editor_preview          POST   missing     403  403  404  404  403  404  404
editor_history          GET    draft-bh    303  403  200  404  403  200  200
editor_history          GET    draft-bb    303  403  404  200  403  404  200
editor_history          GET    missing     303  403  404  404  403  404  404
editor_revision         GET    draft-bh    303  403  200  404  403  200  200
editor_revision         GET    draft-bb    303  403  404  200  403  404  200
editor_revision         GET    missing     303  403  404  404  403  404  404
editor_revision         POST   draft-bh    403  403  400  404  403  400  400
editor_revision         POST   draft-bb    403  403  404  400  403  404  400
editor_revision         POST   missing     403  403  404  404  403  404  404
editor_categories       GET    -           303  403  200  200  403  200  200
editor_media            GET    draft-bh    303  403  200  404  403  200  200
editor_media            GET    draft-bb    303  403  404  200  403  404  200
editor_media            GET    missing     303  403  404  404  403  404  404
editor_media            POST   draft-bh    403  403  422  404  403  422  422
editor_media            POST   draft-bb    403  403  404  422  403  404  422
editor_media            POST   missing     403  403  404  404  403  404  404
editor_categories       POST   -           403  403  400  400  403  400  400
# Issue 9, part C: the notifications of an application (both apps are in
# ba-hang), for its unit's staff and leaders
desk_notices            GET    app-res     303  403  403  403  200  200  403
desk_notices            GET    app-other   303  403  403  403  200  200  403
desk_notices            GET    missing     303  403  403  403  404  404  403
# Issue 12, part E: statistics, public and as JSON; the desk's, its staff
# and leaders (their own unit by default)
stats                   GET    -           200  200  200  200  200  200  200
api_stats               GET    -           200  200  200  200  200  200  200
desk_stats              GET    -           303  403  403  403  200  200  403
# Issue 11, part A: the units' websites, public (cat-bh: a category of
# ba-hang); a current unit has no archive: 301 to its home
unit_news               GET    ba-hang     200  200  200  200  200  200  200
unit_news               GET    missing     404  404  404  404  404  404  404
unit_notices            GET    ba-hang     200  200  200  200  200  200  200
unit_notices            GET    missing     404  404  404  404  404  404  404
unit_category           GET    cat-bh      200  200  200  200  200  200  200
unit_category           GET    missing     404  404  404  404  404  404  404
unit_feed               GET    ba-hang     200  200  200  200  200  200  200
unit_feed               GET    missing     404  404  404  404  404  404  404
unit_category_feed      GET    cat-bh      200  200  200  200  200  200  200
unit_category_feed      GET    missing     404  404  404  404  404  404  404
news                    GET    -           200  200  200  200  200  200  200
feed                    GET    -           200  200  200  200  200  200  200
units_earlier           GET    -           200  200  200  200  200  200  200
unit_archive            GET    ba-hang     301  301  301  301  301  301  301
unit_archive            GET    missing     404  404  404  404  404  404  404
sitemap                 GET    -           200  200  200  200  200  200  200
robots                  GET    -           200  200  200  200  200  200  200
api_units               GET    -           200  200  200  200  200  200  200
api_news                GET    -           200  200  200  200  200  200  200
# Issue 11, part C (content): ct-bh / ct-bb are a seeded document,
# schedule item, introduction page, contact and question of ba-hang /
# bai-bong; ct-bb@bh asks for bai-bong's under ba-hang (not for an
# introduction page: its slug names ba-hang's page of the same name).
unit_documents          GET    ba-hang     200  200  200  200  200  200  200
unit_documents          GET    missing     404  404  404  404  404  404  404
unit_schedule           GET    ba-hang     200  200  200  200  200  200  200
unit_schedule           GET    missing     404  404  404  404  404  404  404
unit_intro              GET    ba-hang     200  200  200  200  200  200  200
unit_intro              GET    missing     404  404  404  404  404  404  404
unit_contacts           GET    ba-hang     200  200  200  200  200  200  200
unit_contacts           GET    missing     404  404  404  404  404  404  404
unit_document           GET    ct-bh       200  200  200  200  200  200  200
unit_document           GET    ct-bb@bh    404  404  404  404  404  404  404
unit_document           GET    missing     404  404  404  404  404  404  404
unit_intro_page         GET    ct-bh       200  200  200  200  200  200  200
unit_intro_page         GET    missing     404  404  404  404  404  404  404
unit_qa                 GET    ba-hang     200  200  200  200  200  200  200
unit_qa                 GET    missing     404  404  404  404  404  404  404
unit_qa                 POST   ba-hang     422  422  422  422  422  422  422
unit_qa                 POST   missing     404  404  404  404  404  404  404
qa_confirm              GET    -           404  404  404  404  404  404  404
qa_confirm              POST   -           404  404  404  404  404  404  404
ed_content              GET    -           303  403  200  200  403  403  403
ed_documents            GET    -           303  403  200  200  403  403  403
ed_questions            GET    -           303  403  200  200  403  403  403
ed_document_new         GET    -           303  403  200  200  403  403  403
ed_document_new         POST   -           403  403  422  422  403  403  403
ed_schedule             GET    -           303  403  200  200  403  403  403
ed_schedule             POST   -           403  403  422  422  403  403  403
ed_pages                GET    -           303  403  200  200  403  403  403
ed_pages                POST   -           403  403  422  422  403  403  403
ed_contacts             GET    -           303  403  200  200  403  403  403
ed_contacts             POST   -           403  403  422  422  403  403  403
ed_document             GET    ct-bh       303  403  200  404  403  403  403
ed_document             GET    ct-bb       303  403  404  200  403  403  403
ed_document             GET    missing     303  403  404  404  403  403  403
ed_document             POST   ct-bh       403  403  422  404  403  403  403
ed_document             POST   ct-bb       403  403  404  422  403  403  403
ed_document             POST   missing     403  403  404  404  403  403  403
ed_schedule_item        GET    ct-bh       303  403  200  404  403  403  403
ed_schedule_item        GET    ct-bb       303  403  404  200  403  403  403
ed_schedule_item        GET    missing     303  403  404  404  403  403  403
ed_schedule_item        POST   ct-bh       403  403  422  404  403  403  403
ed_schedule_item        POST   ct-bb       403  403  404  422  403  403  403
ed_schedule_item        POST   missing     403  403  404  404  403  403  403
ed_page                 GET    ct-bh       303  403  200  404  403  403  403
ed_page                 GET    ct-bb       303  403  404  200  403  403  403
ed_page                 GET    missing     303  403  404  404  403  403  403
ed_page                 POST   ct-bh       403  403  422  404  403  403  403
ed_page                 POST   ct-bb       403  403  404  422  403  403  403
ed_page                 POST   missing     403  403  404  404  403  403  403
ed_contact              GET    ct-bh       303  403  200  404  403  403  403
ed_contact              GET    ct-bb       303  403  404  200  403  403  403
ed_contact              GET    missing     303  403  404  404  403  403  403
ed_contact              POST   ct-bh       403  403  422  404  403  403  403
ed_contact              POST   ct-bb       403  403  404  422  403  403  403
ed_contact              POST   missing     403  403  404  404  403  403  403
ed_question             GET    ct-bh       303  403  200  404  403  403  403
ed_question             GET    ct-bb       303  403  404  200  403  403  403
ed_question             GET    missing     303  403  404  404  403  403  403
ed_question             POST   ct-bh       403  403  422  404  403  403  403
ed_question             POST   ct-bb       403  403  404  422  403  403  403
ed_question             POST   missing     403  403  404  404  403  403  403
# Issue 11, part D: search, public (without a query: the form alone, and
# an empty list of hits)
search                  GET    -           200  200  200  200  200  200  200
api_search              GET    -           200  200  200  200  200  200  200
"""


def parse_table(text):
    """{(route, method, actor, object): status}, and the row order."""
    expect, rows = {}, []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        f = line.split()
        if len(f) != 3 + len(ACTORS):
            raise AssertionError("EXPECT_TABLE line %d: %d fields" % (n, len(f)))
        route, method, obj = f[:3]
        if method == "HEAD":
            raise AssertionError("EXPECT_TABLE line %d: HEAD answers as the GET row does" % n)
        if (route, method, obj) in rows:
            raise AssertionError("EXPECT_TABLE line %d: duplicate row" % n)
        rows.append((route, method, obj))
        for actor, st in zip(ACTORS, f[3:]):
            expect[(route, method, actor, obj)] = int(st)
    return expect, rows


EXPECT, ROWS = parse_table(EXPECT_TABLE)


def expected(route, method, actor, obj):
    """The status of a cell: EXPECT's, or for an ALIKE actor its model's
    unless listed as an exception."""
    if actor in ALIKE:
        model, exceptions = ALIKE[actor]
        if (route, method, obj) in exceptions:
            return exceptions[(route, method, obj)]
        actor = model
    return EXPECT[(route, method, actor, obj)]

# The router's table (name -> lib.Route), read by run_all().
SERVER = {}

# ---------------------------------------------------------------------------
# Objects, paths and bodies.

TAG = uuid.uuid4().hex[:10]
CTX = {}          # filled by setup(): ids, slugs, titles
HIJACK = "MATRIX-HIJACK-" + TAG


def article(kind):
    """An article's values by placeholder type: id, idslug (id-slug)."""
    a = CTX["articles"][kind]
    return {"id": a["id"], "idslug": "%s-%s" % (a["id"], a["slug"])}


def revision(kind):
    """The revision of a draft ({revision:id}; the newsroom's history)."""
    return CTX["articles"][kind]["revision"]


def objects_for(obj):
    """The values of the placeholders of a path for a row's object (see the
    legend of EXPECT_TABLE), by placeholder name."""
    missing = CTX["missing_article"]
    return {
        "-": {},
        "ba-hang": {"unit": "ba-hang"},
        "missing": {"unit": "khong-co-don-vi-nay", "user": CTX["missing_user"],
                    "article": {"id": missing, "idslug": "%d-khong-co-bai-nay" % missing},
                    "code": {"code": "9.999999", "slug": "99999-000000-0000"},
                    "file": CTX["missing_file"], "form": 1, "revision": missing,
                    "category": "khong-co-chuyen-muc",
                    "document": 99999999, "item": 99999999, "upage": 99999999,
                    "contact": 99999999, "question": 99999999, "page": "khong-co-trang-nay",
                    "name": "0" * 64 + ".png"},
        "pub-bh": {"unit": "ba-hang", "article": article("pub-bh")},
        "pub-bb@bh": {"unit": "ba-hang", "article": article("pub-bb")},
        "draft-bh": {"unit": "ba-hang", "article": article("draft-bh"), "revision": revision("draft-bh")},
        "draft-bb": {"unit": "bai-bong", "article": article("draft-bb"), "revision": revision("draft-bb")},
        "unit-bh": {},
        "unit-bb": {},
        "user": {"user": CTX["victim_id"]},
        "app-res": {"code": CTX.get("apps", {}).get("app-res", {}).get("code")},
        "app-other": {"code": CTX.get("apps", {}).get("app-other", {}).get("code")},
        "file-bh": {"code": CTX["file_app_code"], "file": CTX["file_id"]},
        "proc": {"code": "1.001193"},
        "rcv-bh": {"code": CTX.get("rcv", {}).get("rcv-bh"), "form": 1},
        "rcv-bb": {"code": CTX.get("rcv", {}).get("rcv-bb"), "form": 1},
        "cat-bh": {"unit": "ba-hang", "category": "ma-tran"},
        "ct-bh": dict(CTX["ct"]["ba-hang"], unit="ba-hang"),
        "ct-bb": dict(CTX["ct"]["bai-bong"], unit="bai-bong"),
        "ct-bb@bh": dict(CTX["ct"]["bai-bong"], unit="ba-hang"),
        "media-bh": {"name": CTX.get("media_name")},
    }[obj]


def path_for(route, obj):
    """The request path of a cell: the router's pattern of the route, its
    placeholders filled with the object's values."""
    return fill(SERVER[route].pattern, objects_for(obj))


def body_for(route, actor, obj):
    """The form of a POST cell (the CSRF token is added by the client).
    Harmless or invalid where the actor is expected to be allowed; valid
    and harmful where the actor is expected to be refused.  A route not
    named here gets an empty form (harmless, and most often invalid)."""
    allowed_editor = obj in ("draft-bh", "unit-bh") and EDITS_UNIT.get(actor) == "ba-hang" or \
        obj in ("draft-bb", "unit-bb") and EDITS_UNIT.get(actor) == "bai-bong" or \
        obj in ("draft-bh", "unit-bh", "draft-bb", "unit-bb") and actor in EDITS_ALL
    if route == "login":
        return {"tai_khoan": "", "mat_khau": ""}            # 422, no failure counted
    if route == "logout":
        return {}
    if route == "register":
        return {"ho_ten": "", "dien_thoai": "", "mat_khau": "", "mat_khau_nhap_lai": ""}
    if route == "forgot":
        return {"email": ""}
    if route == "reset":
        return {"ma": "khong-phai-ma-hop-le", "mat_khau": "x", "mat_khau_nhap_lai": "x"}
    if route == "email_confirm":
        return {"ma": "khong-phai-ma-hop-le"}               # 404: no such link
    if route == "account":
        return {"ho_ten": "", "email": ""}                  # 422: name required
    if route == "account_password":
        return {"mat_khau_hien_tai": "sai-mat-khau-" + TAG,
                "mat_khau": "Mk-moi-" + TAG, "mat_khau_nhap_lai": "Mk-moi-" + TAG}
    if route == "account_logout_others":
        return {}
    if route == "admin_user_new":
        if actor == "admin":
            return {"ho_ten": "", "dien_thoai": "", "email": "", "mat_khau": ""}
        return {"ho_ten": "Kẻ Mạo Danh", "dien_thoai": CTX["intruder_phone"],
                "email": "", "mat_khau": "Mat-khau-" + TAG}
    if route in ("admin_user_grant", "admin_user_revoke"):
        if actor == "admin":                               # 422: editor needs a unit
            return {"vai_tro": "editor", "don_vi": ""}
        if route == "admin_user_grant":
            return {"vai_tro": "admin", "don_vi": ""}
        return {"vai_tro": "resident", "don_vi": ""}
    if route == "admin_user_lock":
        return {"hanh_dong": "mo" if actor == "admin" else "khoa"}
    if route == "admin_procedure":
        if actor == "admin":                               # 422: no name
            return {"ten": "", "linh_vuc": "ho-tich", "hinh_thuc": "mot-phan"}
        return {"ten": HIJACK, "linh_vuc": "ho-tich", "hinh_thuc": "mot-phan"}
    if route == "desk_intake":
        if actor == "stBH":                                # 422: no phone, no name
            return {"khoa_nop": "%064x" % 1, "don_vi": str(CTX["unit_ids"]["ba-hang"]),
                    "thu_tuc": "1.001193", "dien_thoai": "", "ho_ten": ""}
        return {"khoa_nop": "%064x" % 2, "don_vi": str(CTX["unit_ids"]["ba-hang"]),
                "thu_tuc": "1.001193", "dien_thoai": CTX["intruder_phone"], "ho_ten": HIJACK}
    if route == "apply":                                   # 422: nothing filled in
        return {"hanh_dong": "nop", "khoa_nop": "%064x" % 0, "don_vi": ""}
    if route == "editor_new":
        unit_id = CTX["unit_ids"]["ba-hang" if obj == "unit-bh" else "bai-bong"]
        if allowed_editor:                                 # 422: no title, no body
            return {"don_vi": str(unit_id), "tieu_de": "", "tom_tat": "", "noi_dung": "",
                    "hanh_dong": "luu"}
        return {"don_vi": str(unit_id), "tieu_de": HIJACK, "tom_tat": HIJACK,
                "noi_dung": HIJACK, "hanh_dong": "dang"}
    if route == "editor_edit":
        if allowed_editor:                                 # 422: no title, no body
            return {"tieu_de": "", "tom_tat": "", "noi_dung": "", "hanh_dong": "luu"}
        return {"tieu_de": HIJACK, "tom_tat": HIJACK, "noi_dung": HIJACK, "hanh_dong": "dang"}
    if route in CONTENT_ROUTES:                            # issue 11, part C
        if actor in ("edBH", "edBB"):
            return {}                                      # 422: nothing filled in
        return {"so_ky_hieu": HIJACK, "loai": "khac", "co_quan": HIJACK, "ngay": "2026-01-02",
                "tieu_de": HIJACK, "noi_dung": HIJACK, "tom_tat": HIJACK, "gio": "08:00",
                "duong_dan": "ma-tran-" + TAG, "hanh_dong": "xoa" if obj != "-" else "dang"}
    if route in ("myapp_withdraw", "myapp_rate", "myapp_supplement"):
        own = actor == "res" and obj == "app-res"
        app = CTX["apps"].get(obj)
        if route in ("myapp_withdraw", "myapp_supplement"):  # 422: no version
            return {} if own else {"phien_ban": str(app["version"] if app else 1)}
        return {"diem": ""} if own else {"diem": "1", "nhan_xet": HIJACK}   # 422: no rating
    if route == "editor_revision":                         # 400: no action
        if allowed_editor:
            return {}
        return {"hanh_dong": "khoi-phuc", "phien_ban": "1"}
    if route == "editor_categories":                       # 400: no action
        if actor in EDITS_UNIT or actor in EDITS_ALL:
            return {}
        return {"don_vi": str(CTX["unit_ids"]["ba-hang"]), "ten_chuyen_muc": HIJACK, "hanh_dong": "them"}
    if route == "desk_app":                                # 400: no action
        if actor in ("stBH", "ldBH"):
            return {}
        app = CTX["apps"].get(obj)
        return {"hanh_dong": "ghi-chu", "phien_ban": str(app["version"] if app else 1), "ghi_chu": HIJACK}
    return {}


# ---------------------------------------------------------------------------
# Setup: actors signed in, objects created.

CLIENTS = {}


def make_article(unit, status, title):
    slug = "ma-tran-%s-%s" % (status, TAG)
    pub = "UTC_TIMESTAMP() - INTERVAL 1 MINUTE" if status == "published" else "NULL"
    rows = sql("INSERT INTO articles (unit_id, status, slug, title, summary, body, published_at) "
               "VALUES (%d, %s, %s, %s, %s, %s, %s); SELECT LAST_INSERT_ID();"
               % (CTX["unit_ids"][unit], quote(status), quote(slug), quote(title),
                  quote("Tóm tắt " + title), quote("Nội dung " + title), pub))
    return {"id": int(rows[-1][0]), "slug": slug, "title": title, "unit": unit}


def article_row(aid):
    return sql("SELECT unit_id, status, slug, title, summary, body, IFNULL(published_at, '') "
               "FROM articles WHERE id = %d" % aid)


def setup():
    units = sql("SELECT slug, id FROM units WHERE slug IN ('ba-hang', 'bai-bong')")
    CTX["unit_ids"] = {s: int(i) for s, i in units}
    check(set(CTX["unit_ids"]) == {"ba-hang", "bai-bong"}, "units: %r" % units)
    CTX["articles"] = {
        "draft-bh": make_article("ba-hang", "draft", "Bản nháp ma trận Ba Hàng " + TAG),
        "draft-bb": make_article("bai-bong", "draft", "Bản nháp ma trận Bãi Bông " + TAG),
        "pub-bh": make_article("ba-hang", "published", "Tin ma trận Ba Hàng " + TAG),
        "pub-bb": make_article("bai-bong", "published", "Tin ma trận Bãi Bông " + TAG),
    }
    for k in ("draft-bh", "draft-bb"):
        a = CTX["articles"][k]
        a["revision"] = int(sql("INSERT INTO article_revisions (article_id, title, body, status) VALUES "
                                "(%d, %s, %s, 'draft'); SELECT LAST_INSERT_ID();"
                                % (a["id"], quote(a["title"]), quote("Nội dung " + a["title"])))[-1][0])
    CTX["drafts_before"] = {k: article_row(CTX["articles"][k]["id"]) for k in ("draft-bh", "draft-bb")}
    CTX["missing_article"] = int(sql("SELECT IFNULL(MAX(id), 0) + 100000 FROM articles")[0][0])
    # The throwaway user whom the admin routes act on: registered through
    # the ordinary form by a browser of its own (signed out afterwards).
    n = int(TAG[:6], 16) % 1000000
    CTX["victim_phone"] = "0988%06d" % n
    CTX["intruder_phone"] = "0988%06d" % ((n + 1) % 1000000)
    v = register(Client(ADDR), name="Người Dùng Tạm", phone=CTX["victim_phone"],
                 password="Nguoi-dung-tam-" + TAG)
    check(v.id == user_id(CTX["victim_phone"]) and v.id is not None, "throwaway user not found")
    CTX["victim_id"] = v.id
    CTX["victim_state"] = victim_state()
    check(v.client.logout().status == 303, "signing the throwaway user out")
    CTX["intruders_before"] = intruders()
    CTX["missing_user"] = int(sql("SELECT IFNULL(MAX(id), 0) + 100000 FROM users")[0][0])
    make_apps()
    make_received()
    content_objects()
    setup_file()
    setup_media()
    ensure_procedure("1.001193")  # the procedure with an e-form of the {code:code} rows
    # the category of the cat-bh rows (issue 11, part A)
    sql("INSERT IGNORE INTO categories (unit_id, slug, name) VALUES (%d, 'ma-tran', 'Chuyên mục ma trận')"
        % CTX["unit_ids"]["ba-hang"])
    # Every actor: one browser, one session (and its CSRF token).
    for actor in ACTORS + list(ALIKE):
        if actor == "anon":
            c = Client(ADDR)
            c.token()
            check(c.csrf, "anon: no form token from GET /dang-nhap")
        else:
            c = demo_login(PHONES[actor], ADDR)
            r = c.get("/tai-khoan")
            check(r.status == 200 and c.csrf, "%s: GET /tai-khoan after sign-in: %d" % (actor, r.status))
        CLIENTS[actor] = c


CONTENT_ROUTES = ("ed_document_new", "ed_document", "ed_schedule", "ed_schedule_item", "ed_pages",
                  "ed_page", "ed_contacts", "ed_contact", "ed_question")


def content_objects():
    """A seeded document, schedule item, introduction page, contact and
    published question of each of ba-hang and bai-bong (portalctl seed),
    and how many there are (a refused actor must delete none)."""
    CTX["ct"] = {}
    for unit in ("ba-hang", "bai-bong"):
        u = CTX["unit_ids"][unit]
        one = lambda q: int(sql(q % u)[0][0])
        CTX["ct"][unit] = {
            "document": one("SELECT MIN(id) FROM documents WHERE unit_id = %d AND status = 'published'"),
            "item": one("SELECT MIN(id) FROM schedule_items WHERE unit_id = %d"),
            "upage": one("SELECT MIN(id) FROM unit_pages WHERE unit_id = %d"),
            "contact": one("SELECT MIN(id) FROM contacts WHERE unit_id = %d"),
            "question": one("SELECT MIN(id) FROM questions WHERE unit_id = %d AND status = 'published'"),
            "page": sql("SELECT slug FROM unit_pages WHERE unit_id = %d ORDER BY id LIMIT 1" % u)[0][0],
        }
    CTX["ct_before"] = content_rows()


def content_rows():
    return sql("SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM schedule_items), "
               "(SELECT COUNT(*) FROM unit_pages), (SELECT COUNT(*) FROM contacts), "
               "(SELECT COUNT(*) FROM questions WHERE status = 'published'), "
               "(SELECT COUNT(*) FROM documents WHERE title = %s OR number = %s)"
               % (quote(HIJACK), quote(HIJACK)))


def make_apps():
    """The applications of the {code} rows: the demo resident's (returned,
    so that it may be rated) and the throwaway user's (in processing, so
    that it may be withdrawn), of a procedure of the test's own."""
    sql("INSERT IGNORE INTO sectors (name, slug) VALUES ('Lĩnh vực ma trận', 'linh-vuc-ma-tran')")
    sql("INSERT IGNORE INTO procedures (code) VALUES ('MT.%s')" % TAG)
    pid = sql("SELECT id FROM procedures WHERE code = 'MT.%s'" % TAG)[0][0]
    sql("INSERT IGNORE INTO procedure_versions (procedure_id, version, name, sector_id) SELECT %s, 1, "
        "'Thủ tục ma trận', id FROM sectors WHERE slug = 'linh-vuc-ma-tran'" % pid)
    pv = sql("SELECT id FROM procedure_versions WHERE procedure_id = %s" % pid)[0][0]
    CTX["apps"] = {}
    n = int(TAG[:4], 16) % 10000
    for i, (obj, uid, status) in enumerate((("app-res", user_id(PHONES["res"]), 10),
                                            ("app-other", CTX["victim_id"], 4))):
        code = "99999-%06d-%04d" % (int(TAG[4:9], 16) % 1000000, (n + i) % 10000)
        sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, status, "
            "submitted_at, due_at) VALUES (%s, %s, %d, %d, %d, UTC_TIMESTAMP(), CURRENT_DATE)"
            % (quote(code), pv, CTX["unit_ids"]["ba-hang"], uid, status))
        CTX["apps"][obj] = {"code": code, "version": 1}
    CTX["apps_before"] = app_rows()


def make_received():
    """The applications of the desk_form rows: one received (status 2) in
    each of ba-hang and bai-bong, of the test's own procedure."""
    pv = sql("SELECT v.id FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id "
             "WHERE p.code = 'MT.%s'" % TAG)[0][0]
    CTX["rcv"] = {}
    n = int(TAG[:4], 16) % 10000
    for i, (obj, unit) in enumerate((("rcv-bh", "ba-hang"), ("rcv-bb", "bai-bong"))):
        code = "99998-%06d-%04d" % (int(TAG[4:9], 16) % 1000000, (n + i) % 10000)
        sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, status, "
            "channel, submitted_at, received_at, due_at) VALUES (%s, %s, %d, %d, 2, 'counter', "
            "UTC_TIMESTAMP(), UTC_TIMESTAMP(), CURRENT_DATE)"
            % (quote(code), pv, CTX["unit_ids"][unit], user_id(PHONES["res"])))
        CTX["rcv"][obj] = code


def app_rows():
    codes = ",".join(quote(a["code"]) for a in CTX["apps"].values())
    return sql("SELECT code, status, version, IFNULL(rating, ''), IFNULL(rating_comment, ''), "
               "(SELECT COUNT(*) FROM application_events e WHERE e.application_id = a.id) "
               "FROM applications a WHERE code IN (%s) ORDER BY code" % codes)
def setup_media():
    """A newsroom image of ba-hang (a 1x1 PNG, in the stack's store and the
    media table, as app/media.c keeps it), for GET /media/{name}."""
    raw = b"\x00\xff\x00\x00"
    png = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"tEXt", b"matrix\x00" + TAG.encode())
           + png_chunk(b"IEND", b""))
    sha = hashlib.sha256(png).hexdigest()
    path = os.path.join(stack_env()["PORTAL_STORAGE_DIR"], sha[:2], sha[2:4], sha)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    with open(path, "wb") as f:
        f.write(png)
    sql("INSERT IGNORE INTO media (unit_id, sha256, size, mime, width, height, thumb_sha256, thumb_size) "
        "SELECT id, '%s', %d, 'image/png', 1, 1, '%s', %d FROM units WHERE slug = 'ba-hang'"
        % (sha, len(png), sha, len(png)))
    CTX["media_name"] = sha + ".png"


def png_chunk(kind, data):
    """A PNG chunk: length, type, data, CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def setup_file():
    """An application of the demo resident in ba-hang with one file (in
    the stack's store, as app/store.c names it), for GET
    /ho-so/{code}/tep/{file}."""
    data = b"%PDF-1.4\n% ma tran " + TAG.encode() + b"\n%%EOF\n"
    sha = hashlib.sha256(data).hexdigest()
    path = os.path.join(stack_env()["PORTAL_STORAGE_DIR"], sha[:2], sha[2:4], sha)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    sql("INSERT IGNORE INTO sectors (name, slug) VALUES ('Lĩnh vực thử ma trận', 'thu-ma-tran');"
        "INSERT IGNORE INTO procedures (code) VALUES ('9.999802');"
        "INSERT IGNORE INTO procedure_versions (procedure_id, version, name, sector_id) "
        "SELECT p.id, 1, 'Thủ tục thử ma trận', s.id FROM procedures p, sectors s "
        "WHERE p.code = '9.999802' AND s.slug = 'thu-ma-tran'")
    code = "%s-000102-%04d" % (sql("SELECT code FROM units WHERE slug = 'ba-hang'")[0][0],
                               int(TAG[:4], 16) % 10000)
    sql("DELETE t FROM attachments t JOIN applications a ON a.id = t.application_id "
        "WHERE a.code = %s; DELETE FROM applications WHERE code = %s" % (quote(code), quote(code)))
    rows = sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, status) "
               "SELECT %s, v.id, %d, %d, 1 FROM procedure_versions v JOIN procedures p "
               "ON p.id = v.procedure_id WHERE p.code = '9.999802' AND v.version = 1; "
               "SELECT LAST_INSERT_ID();" % (quote(code), CTX["unit_ids"]["ba-hang"],
                                            user_id(PHONES["res"])))
    CTX["file_app"], CTX["file_app_code"] = int(rows[-1][0]), code
    CTX["file_path"] = path
    rows = sql("INSERT INTO attachments (application_id, slot, filename, sha256, size, mime) "
               "VALUES (%d, 'giay_to', 'ma-tran.pdf', %s, %d, 'application/pdf'); "
               "SELECT LAST_INSERT_ID();" % (CTX["file_app"], quote(sha), len(data)))
    CTX["file_id"] = int(rows[-1][0])
    CTX["missing_file"] = CTX["file_id"] + 100000


def intruders():
    return sql("SELECT COUNT(*) FROM users WHERE phone = %s" % quote(CTX["intruder_phone"]))[0][0]


def victim_state():
    st = sql("SELECT status FROM users WHERE id = %d" % CTX["victim_id"])
    roles = sql("SELECT role, IFNULL(unit_id, 0) FROM user_roles WHERE user_id = %d ORDER BY role"
                % CTX["victim_id"])
    return st, roles


def cleanup():
    """Removes the test's articles (and any a hole let a refused actor
    create), so that the other tests see the seeded news only."""
    ids = [a["id"] for a in CTX.get("articles", {}).values()]
    if ids:
        sql("DELETE FROM article_revisions WHERE article_id IN (%s)" % ",".join(map(str, ids)))
        sql("DELETE FROM articles WHERE id IN (%s)" % ",".join(map(str, ids)))
    sql("DELETE FROM articles WHERE title = %s" % quote(HIJACK))
    codes = ",".join([quote(a["code"]) for a in CTX.get("apps", {}).values()] +
                     [quote(c) for c in CTX.get("rcv", {}).values()])
    if codes:
        sql("DELETE e FROM application_events e JOIN applications a ON a.id = e.application_id "
            "WHERE a.code IN (%s); DELETE FROM applications WHERE code IN (%s)" % (codes, codes))
    if "file_app" in CTX:
        sql("DELETE FROM attachments WHERE application_id = %d; DELETE FROM applications "
            "WHERE id = %d" % (CTX["file_app"], CTX["file_app"]))
        os.unlink(CTX["file_path"])


# ---------------------------------------------------------------------------
# The matrix.

RESULTS = {}      # route -> list of failure lines
CELLS = [0]


def secrets_for(actor):
    """Draft titles this actor must never be shown."""
    out = []
    for k in ("draft-bh", "draft-bb"):
        a = CTX["articles"][k]
        if EDITS_UNIT.get(actor) != a["unit"] and actor not in EDITS_ALL:
            out.append(a["title"])
    return out


def run_cell(route, method, obj, actor):
    key = (route, method, actor, obj)
    if method == "HEAD" and "HEAD" not in SERVER[route].methods:
        want = 405
    else:
        want = expected(route, "GET" if method == "HEAD" else method, actor, obj)
    c = CLIENTS[actor]
    path = path_for(route, obj)
    if method in ("GET", "HEAD"):
        r = c.request(method, path)
        desc = "%s %s" % (method, path)
    else:
        form = body_for(route, actor, obj)
        r = c.post(path, form)
        desc = "POST %s %s" % (path, sorted(k for k in form))
    CELLS[0] += 1
    problems = []
    if r.status != want:
        problems.append("expected %d, got %d" % (want, r.status))
    elif want == 303 and route == "tnid_login":
        # A public route whose 303 goes to the OpenID provider (issue 10).
        loc = r.header("location") or ""
        if actor == "anon" and not loc.startswith(stack_env()["PORTAL_TNID_ISSUER"] + "/"):
            problems.append("303 to %r, not to the provider" % loc)
    elif want == 303 and actor == "anon" and method in ("GET", "HEAD"):
        loc = r.header("location") or ""
        q = parse_qs(urlsplit(loc).query)
        if not loc.startswith("/dang-nhap?tiep=") or q.get("tiep") != [path]:
            problems.append("303 to %r, not /dang-nhap?tiep=<path>" % loc)
    if method == "HEAD" and r.body:
        problems.append("HEAD answered with a body of %d bytes" % len(r.body))
    for s in secrets_for(actor):
        if s in r.body.decode("utf-8", "replace"):
            problems.append("the response shows the draft %r" % s)
    if problems:
        RESULTS.setdefault(route, []).append("%s [%s as %s]: %s" % (key, desc, actor, "; ".join(problems)))


def run_matrix(rows):
    for route, method, obj in rows:
        RESULTS.setdefault(route, [])
        methods = [method] + (["HEAD"] if method == "GET" else [])
        for m in methods:
            for actor in ACTORS + list(ALIKE):
                try:
                    run_cell(route, m, obj, actor)
                except Exception as e:  # one broken cell must not hide the others
                    RESULTS[route].append("%s: %s: %s" % ((route, m, actor, obj), type(e).__name__, e))


def coverage_problems():
    problems = []
    have = {(r, m) for r, m, _ in ROWS}
    for name, route in sorted(SERVER.items()):
        for m in sorted(route.methods - {"HEAD"}):
            if (name, m) not in have:
                problems.append("route %s %s (%s) is not covered by EXPECT_TABLE" % (name, m, route.pattern))
        if "HEAD" in route.methods and "GET" not in route.methods:
            problems.append("route %s allows HEAD but not GET: no row says what HEAD answers" % name)
    for r, m in sorted(have):
        if r not in SERVER:
            problems.append("EXPECT_TABLE has rows for route %s, which no longer exists" % r)
        elif m not in SERVER[r].methods:
            problems.append("EXPECT_TABLE has rows for %s %s, a method the route no longer allows" % (r, m))
    return problems


# ---------------------------------------------------------------------------
# Cases.  Everything runs before the PASS/FAIL lines (the order matters:
# sign-outs last); the cases report.

SETUP_ERROR = []
EXTRA = {}


def other_editor_checks():
    """The editor of bai-bong never sees the ba-hang draft in the list and
    cannot change it (404, row unchanged); with no other hole, the rows of
    both drafts and the throwaway user are as they were."""
    probs = []
    bb = CLIENTS["edBB"]
    draft = CTX["articles"]["draft-bh"]
    r = bb.get("/bien-tap/")
    if r.status != 200:
        probs.append("edBB GET /bien-tap/: %d" % r.status)
    if draft["title"] in r.text or "/bien-tap/bai-viet/%d\"" % draft["id"] in r.text:
        probs.append("edBB GET /bien-tap/ lists the ba-hang draft %r" % draft["title"])
    if CTX["articles"]["draft-bb"]["title"] not in r.text:
        probs.append("edBB GET /bien-tap/ does not list its own draft (the check would prove nothing)")
    r = CLIENTS["edBH"].get("/bien-tap/")
    if draft["title"] not in r.text:
        probs.append("edBH GET /bien-tap/ does not list its own draft %r" % draft["title"])
    before = article_row(draft["id"])
    for action in ("luu", "dang"):
        r = bb.post("/bien-tap/bai-viet/%d" % draft["id"],
                    {"tieu_de": HIJACK, "tom_tat": HIJACK, "noi_dung": HIJACK, "hanh_dong": action})
        if r.status != 404:
            probs.append("edBB POST /bien-tap/bai-viet/%d hanh_dong=%s: expected 404, got %d"
                         % (draft["id"], action, r.status))
    after = article_row(draft["id"])
    if after != before:
        probs.append("the ba-hang draft changed after edBB's POST: %r -> %r" % (before, after))
    for k, was in CTX["drafts_before"].items():
        now = article_row(CTX["articles"][k]["id"])
        if now != was:
            probs.append("draft %s changed during the matrix: %r -> %r" % (k, was, now))
    n = sql("SELECT COUNT(*) FROM articles WHERE title = %s" % quote(HIJACK))[0][0]
    if n != "0":
        probs.append("%s article(s) titled %s were created by refused actors" % (n, HIJACK))
    n = sql("SELECT COUNT(*) FROM categories WHERE name = %s" % quote(HIJACK))[0][0]
    if n != "0":
        probs.append("%s categories named %s were added by refused actors" % (n, HIJACK))
    if content_rows() != CTX["ct_before"]:
        probs.append("a refused actor changed the content (issue 11, part C): %r -> %r"
                     % (CTX["ct_before"], content_rows()))
    n = sql("SELECT COUNT(*) FROM procedure_versions WHERE name = %s" % quote(HIJACK))[0][0]
    if n != "0":
        probs.append("%s procedure version(s) named %s were added by refused actors" % (n, HIJACK))
    if intruders() != CTX["intruders_before"]:
        probs.append("a refused actor created user %s" % CTX["intruder_phone"])
    now = victim_state()
    if now != CTX["victim_state"]:
        probs.append("the throwaway user changed: %r -> %r" % (CTX["victim_state"], now))
    now = app_rows()
    if now != CTX["apps_before"]:
        probs.append("the test's applications changed: %r -> %r" % (CTX["apps_before"], now))
    return probs


def run_all():
    try:
        SERVER.update((r.name, r) for r in routes())
        setup()
    except Exception as e:
        SETUP_ERROR.append("%s: %s" % (type(e).__name__, e))
        return
    try:
        EXTRA["coverage"] = coverage_problems()
        # Only rows of routes that exist (the others are coverage problems);
        # sign-outs last: they end the actors' sessions.
        rows = [r for r in ROWS if r[0] in SERVER and r[1] in SERVER[r[0]].methods]
        run_matrix([r for r in rows if r[0] != "logout"])
        try:
            EXTRA["other_editor"] = other_editor_checks()
        except Exception as e:
            EXTRA["other_editor"] = ["%s: %s" % (type(e).__name__, e)]
        run_matrix([r for r in rows if r[0] == "logout"])
    finally:
        cleanup()
    bad = sum(len(v) for v in RESULTS.values())
    print("matrix: %d cells (route x method x actor x object) checked, %d failed" % (CELLS[0], bad))
    for route in RESULTS:
        for line in RESULTS[route]:
            print("  cell FAIL %s" % line)
    sys.stdout.flush()


def report(problems):
    check(not problems, "\n  " + "\n  ".join(problems))


def register_cases():
    if SETUP_ERROR:
        def matrix_setup():
            raise AssertionError(SETUP_ERROR[0])
        case(matrix_setup)
        return

    def matrix_covers_route_table():
        report(EXTRA.get("coverage", ["not run"]))
    case(matrix_covers_route_table)

    for route in RESULTS:
        def fn(route=route):
            report(RESULTS[route])
        fn.__name__ = "matrix_%s" % route
        case(fn)

    def matrix_other_unit_editor_cannot_see_or_change_draft():
        report(EXTRA.get("other_editor", ["not run"]))
    case(matrix_other_unit_editor_cannot_see_or_change_draft)


if __name__ == "__main__":
    run_all()
    register_cases()
    main()
