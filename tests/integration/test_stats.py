"""Statistics (issue 12) through nginx: /thong-ke, /mot-cua/thong-ke,
/api/v1/stats, their CSV and the gauges of /metrics, on a data set of the
test's own with answers worked out by hand.

Two units made for the test, A and B, one month, March 2026 (no holiday in
it), times in Vietnam (UTC+7), 'today' being any day after 2026-04-07:

A1 online,  received Mon 02/03 08:00, finished (10) Fri 06/03, due 09/03: on time,
            4 working days, rated 5
A2 counter, received Tue 03/03 09:00, finished (9) Thu 12/03, due 10/03: late,
            7 working days; a document uploaded by staff (digitised)
A3 counter, received Tue 31/03 23:59 (16:59 UTC: the last minute of the month),
            processing (4), due 07/04: overdue now; one supplement request
A4 online,  received Sun 01/03 00:00 (28/02 17:00 UTC: the first minute),
            finished (10) Mon 02/03, due 06/03: on time, 1 working day, rated 3;
            two supplement requests
A5 post,    received Fri 20/03, waiting for a supplement (5), due 31/12/2099:
            still within its deadline
outside the month: A6 received 28/02 23:59 (16:59 UTC), finished late, rated
1; A7 received 01/04 00:00 (31/03 17:00 UTC), overdue.
A's articles: two published in March (one on 31/03 at 23:00), one in April, a
draft; A's questions: one answered in March, one new.

B1 online,  received Tue 10/03 09:00, finished the same day: 0 working days,
            due 16/03, rated 4
B2 online,  received Mon 16/03 08:00, finished Fri 27/03 09:00, due 20/03: late,
            9 working days
B3 counter, received Wed 25/03, stopped (8) on 26/03: neither finished nor
            open; a document uploaded by staff

A, March: received 5 (online 2, counter 2, post 1: 40,0% online); finished
3 (on time 2, late 1: 66,7%); pending 1, overdue 1; days 1, 4, 7: average
4,0, 90th percentile 7; supplement requests 3 (0,60 an application);
digitised 1 of 2 counter applications (50,0%); ratings 2 (5 and 3: average
4,00, satisfied 1, 50,0%); articles 2; answers 1.
B, March: received 3 (online 2, counter 1: 66,7%); finished 2 (1 on time,
1 late: 50,0%); pending 0, overdue 0; days 0 and 9: average 4,5, 90th
percentile 9; supplements 0 (0,00); digitised 1 of 1 (100,0%); ratings 1
(4,00, 100,0%); articles 0; answers 0.
"""
import csv
import hashlib
import io
import json
import os
import random
import re
import uuid
import xml.etree.ElementTree as ET

from lib import (case, check, demo_login, get, main, register, sql, sql_quote as quote, stack_env,
                 sql_value, user_id, wait_for)

TAG = uuid.uuid4().hex[:6]
PROC = "7.%010d" % random.randrange(10 ** 10)
MONTH = "tu_ngay=2026-03-01&den_ngay=2026-03-31"
CTX = {}


def setup():
    sql("INSERT IGNORE INTO sectors (name, slug) VALUES ('Lĩnh vực thử thống kê', "
        "'linh-vuc-thu-thong-ke')")
    sid = sql_value("SELECT id FROM sectors WHERE slug = 'linh-vuc-thu-thong-ke'")
    sql("INSERT INTO procedures (code) VALUES (%s)" % quote(PROC))
    pid = sql_value("SELECT id FROM procedures WHERE code = %s" % quote(PROC))
    sql("INSERT INTO procedure_versions (procedure_id, version, name, sector_id, processing_days, "
        "published) VALUES (%s, 1, %s, %s, 5, 1)" % (pid, quote("Thủ tục thử thống kê " + TAG), sid))
    CTX["pv"] = sql_value("SELECT id FROM procedure_versions WHERE procedure_id = %s" % pid)
    for k, name in (("A", "Thống Kê A"), ("B", "Thống Kê B")):
        slug = "tk-%s-%s" % (k.lower(), TAG)
        code = "9%04d" % random.randrange(10 ** 4)
        sql("INSERT INTO units (code, kind, name, slug, valid_from) VALUES (%s, 'phuong', %s, %s, "
            "'2020-01-01')" % (quote(code), quote("%s %s" % (name, TAG)), quote(slug)))
        CTX[k] = int(sql_value("SELECT id FROM units WHERE slug = %s" % quote(slug)))
        CTX[k + "_code"] = code
        CTX[k + "_name"] = "Phường %s %s" % (name, TAG)
    CTX["applicant"] = user_id("0912000041")
    CTX["staff_id"] = user_id("0912000021")
    CTX["seq"] = 0


def app(unit, channel, status, received, due, decided=None, rating=None):
    """An application (times in UTC); returns its id and code."""
    CTX["seq"] += 1
    code = "%s-260399-%04d" % (CTX[unit + "_code"], CTX["seq"])
    rows = sql("INSERT INTO applications (code, procedure_version, unit_id, applicant_id, channel, "
               "status, submitted_at, received_at, due_at, decided_at, rating) VALUES (%s, %s, %s, "
               "%s, %s, %d, %s, %s, %s, %s, %s); SELECT LAST_INSERT_ID();"
               % (quote(code), CTX["pv"], CTX[unit], CTX["applicant"], quote(channel), status,
                  quote(received), quote(received), quote(due),
                  quote(decided) if decided else "NULL", rating or "NULL"))
    aid = int(rows[-1][0])
    sql("INSERT INTO application_events (application_id, from_status, to_status, at) VALUES "
        "(%d, 0, 2, %s)" % (aid, quote(received)))
    return aid, code


def supplement(aid, at):
    sql("INSERT INTO application_events (application_id, actor_id, from_status, to_status, kind, at)"
        " VALUES (%d, %d, 4, 5, 'status', %s)" % (aid, CTX["staff_id"], quote(at)))


SCAN = b"%PDF-1.4\n% ban quet thu thong ke\n%%EOF\n"


def scanned(aid, by_staff=True):
    """A scanned document of application aid, its file in the stack's
    store as app/store.c names it (portalctl check-store finds it)."""
    sha = hashlib.sha256(SCAN).hexdigest()
    path = os.path.join(stack_env()["PORTAL_STORAGE_DIR"], sha[:2], sha[2:4], sha)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    with open(path, "wb") as f:
        f.write(SCAN)
    sql("INSERT INTO attachments (application_id, slot, kind, added_by, filename, sha256, size, mime)"
        " VALUES (%d, 'giay-to', 'document', %s, 'scan.pdf', %s, %d, 'application/pdf')"
        % (aid, CTX["staff_id"] if by_staff else "NULL", quote(sha), len(SCAN)))


def article(unit, status, at):
    CTX["seq"] += 1
    sql("INSERT INTO articles (unit_id, kind, status, slug, title, body, published_at) VALUES "
        "(%s, 'news', %s, %s, 'Tin thử thống kê', 'Nội dung.', %s)"
        % (CTX[unit], quote(status), quote("tin-thong-ke-%s-%d" % (TAG, CTX["seq"])), quote(at)))


def question(unit, status, at):
    sql("INSERT INTO questions (unit_id, asker_name, title, question, answer, status, answered_at) "
        "VALUES (%s, 'Người hỏi', 'Câu hỏi thử', 'Hỏi?', 'Đáp.', %s, %s)"
        % (CTX[unit], quote(status), quote(at) if at else "NULL"))


def build():
    a1 = app("A", "online", 10, "2026-03-02 01:00:00", "2026-03-09", "2026-03-06 03:00:00", 5)
    a2 = app("A", "counter", 9, "2026-03-03 02:00:00", "2026-03-10", "2026-03-12 08:00:00")
    scanned(a2[0])
    a3 = app("A", "counter", 4, "2026-03-31 16:59:00", "2026-04-07")
    scanned(a3[0], by_staff=False)      # the applicant's own file: not digitised at intake
    supplement(a3[0], "2026-04-01 02:00:00")
    a4 = app("A", "online", 10, "2026-02-28 17:00:00", "2026-03-06", "2026-03-02 09:00:00", 3)
    supplement(a4[0], "2026-03-01 03:00:00")
    supplement(a4[0], "2026-03-01 04:00:00")
    app("A", "post", 5, "2026-03-20 03:00:00", "2099-12-31")
    a6 = app("A", "online", 10, "2026-02-28 16:59:00", "2026-03-02", "2026-03-05 03:00:00", 1)
    supplement(a6[0], "2026-03-02 03:00:00")
    a7 = app("A", "counter", 4, "2026-03-31 17:00:00", "2026-04-03")
    scanned(a7[0])
    article("A", "published", "2026-03-05 02:00:00")
    article("A", "published", "2026-03-31 16:00:00")
    article("A", "published", "2026-03-31 17:00:00")   # 01/04 00:00 in Vietnam
    article("A", "draft", "2026-03-10 02:00:00")
    question("A", "answered", "2026-03-12 02:00:00")
    question("A", "new", None)
    app("B", "online", 10, "2026-03-10 02:00:00", "2026-03-16", "2026-03-10 08:00:00", 4)
    app("B", "online", 10, "2026-03-16 01:00:00", "2026-03-20", "2026-03-27 02:00:00")
    b3 = app("B", "counter", 8, "2026-03-25 01:00:00", "2026-03-30", "2026-03-26 02:00:00")
    scanned(b3[0])
    CTX["late"] = [a2[1], a3[1]]
    CTX["not_late"] = [a1[1], a4[1], a7[1]]


def api(query):
    r = get("/api/v1/stats?" + query)
    check(r.status == 200, "%d %s" % (r.status, r.text[:300]))
    check(r.header("content-type") == "application/json; charset=utf-8")
    return json.loads(r.text)


WANT_A = {
    "received": 5, "online": 2, "counter": 2, "post": 1, "online_share": 0.4,
    "finished": 3, "on_time": 2, "late": 1, "on_time_rate": 0.6667,
    "pending": 1, "overdue": 1, "days_avg": 4.0, "days_p90": 7,
    "supplements": 3, "supplements_per_application": 0.6,
    "digitised": 1, "digitised_share": 0.5,
    "ratings": 2, "satisfied": 1, "rating_avg": 4.0, "satisfied_share": 0.5,
    "articles": 2, "answers": 1,
}
WANT_B = {
    "received": 3, "online": 2, "counter": 1, "post": 0, "online_share": 0.6667,
    "finished": 2, "on_time": 1, "late": 1, "on_time_rate": 0.5,
    "pending": 0, "overdue": 0, "days_avg": 4.5, "days_p90": 9,
    "supplements": 0, "supplements_per_application": 0.0,
    "digitised": 1, "digitised_share": 1.0,
    "ratings": 1, "satisfied": 1, "rating_avg": 4.0, "satisfied_share": 1.0,
    "articles": 0, "answers": 0,
}


def same(got, want, what):
    for k, v in want.items():
        check(k in got, "%s: no field %s" % (what, k))
        check(got[k] == v, "%s: %s = %r, want %r" % (what, k, got[k], v))


setup()
build()


@case
def api_every_indicator_unit_a():
    d = api("don_vi=%s&%s" % (CTX["A"], MONTH))
    check(d["from"] == "2026-03-01" and d["to"] == "2026-03-31" and d["unit"] == CTX["A"])
    same(d["total"], WANT_A, "A total")
    check(len(d["units"]) == 1 and d["units"][0]["id"] == CTX["A"])
    same(d["units"][0], WANT_A, "A row")
    check(d["units"][0]["name"] == CTX["A_name"])


@case
def api_every_indicator_unit_b():
    d = api("don_vi=%s&%s" % (CTX["B"], MONTH))
    same(d["total"], WANT_B, "B total")


@case
def api_city_lists_both_units():
    d = api(MONTH)
    rows = {u["id"]: u for u in d["units"]}
    same(rows[CTX["A"]], WANT_A, "A in the city")
    same(rows[CTX["B"]], WANT_B, "B in the city")
    check(d["total"]["received"] >= 8)
    check(any(p["code"] == PROC and p["received"] == 8 and p["on_time"] == 3 and p["late"] == 2
              and p["overdue"] == 1 for p in d["procedures"]), d["procedures"])


@case
def api_months_of_the_trend():
    d = api("don_vi=%s&%s" % (CTX["A"], MONTH))
    months = {m["month"]: m for m in d["months"]}
    check(len(d["months"]) == 12 and d["months"][-1]["month"] == "2026-03")
    check(months["2026-03"] == {"month": "2026-03", "received": 5, "online": 2, "on_time": 2,
                                "late": 1}, months["2026-03"])
    # A6, the last minute of February (local), is February's.
    check(months["2026-02"]["received"] == 1 and months["2026-02"]["late"] == 1)


@case
def range_boundaries_are_days_of_vietnam():
    def received(day_from, day_to):
        return api("don_vi=%s&tu_ngay=%s&den_ngay=%s" % (CTX["A"], day_from, day_to))["total"]["received"]
    check(received("2026-03-01", "2026-03-01") == 1, "01/03 00:00 (28/02 17:00 UTC) is March's")
    check(received("2026-02-28", "2026-02-28") == 1, "28/02 23:59 (16:59 UTC) is February's")
    check(received("2026-03-31", "2026-03-31") == 1, "31/03 23:59 (16:59 UTC) is March's")
    check(received("2026-04-01", "2026-04-01") == 1, "01/04 00:00 (31/03 17:00 UTC) is April's")
    check(received("2026-03-02", "2026-03-30") == 3)
    d = api("don_vi=%s&tu_ngay=2026-04-01&den_ngay=2026-04-30" % CTX["A"])["total"]
    check(d["articles"] == 1 and d["supplements"] == 0 and d["overdue"] == 1, d)


@case
def api_refuses_bad_input():
    for q, status in (("tu_ngay=2026-03-31&den_ngay=2026-03-01", 400),
                      ("tu_ngay=2025-01-01&den_ngay=2026-03-01", 400),
                      ("don_vi=999999999", 404)):
        r = get("/api/v1/stats?" + q)
        check(r.status == status, "%s: %d" % (q, r.status))
        check("error" in json.loads(r.text), r.text)
    r = get("/api/v1/stats?tu_ngay=31-03-2026")
    check(r.status == 400, r.status)


def svgs(text):
    return re.findall(r"<svg\b.*?</svg>", text, re.S)


@case
def public_page_of_a_unit():
    r = get("/thong-ke?don_vi=%s&%s" % (CTX["A"], MONTH))
    check(r.status == 200, "%d %s" % (r.status, r.text[:300]))
    t = r.text
    check("<h1>Thống kê dịch vụ công: %s</h1>" % CTX["A_name"] in t)
    for h, v in (("Hồ sơ tiếp nhận", "5"), ("Tỷ lệ nộp trực tuyến", "40,0%"),
                 ("Tỷ lệ giải quyết đúng hạn", "66,7%"), ("Đang quá hạn", "1"),
                 ("Thời gian xử lý trung bình (ngày làm việc)", "4,0"),
                 ("Thời gian xử lý, phân vị 90 (ngày làm việc)", "7"),
                 ("Yêu cầu bổ sung trên một hồ sơ", "0,60"),
                 ("Tỷ lệ số hóa hồ sơ trực tiếp", "50,0%"),
                 ("Điểm đánh giá trung bình (1–5)", "4,00"), ("Tỷ lệ hài lòng", "50,0%"),
                 ("Tin bài đã đăng", "2"), ("Câu hỏi đã trả lời", "1")):
        check("<dt>%s</dt><dd>%s</dd>" % (h, v) in t, "%s = %s" % (h, v))
    check(len(svgs(t)) == 1, "one unit: the trend alone")


@case
def svg_well_formed_with_title_desc_and_table():
    t = get("/thong-ke?%s" % MONTH).text
    found = svgs(t)
    check(len(found) == 3, "bars per unit, ranking, trend: %d" % len(found))
    ns = "{http://www.w3.org/2000/svg}"
    for s in found:
        root = ET.fromstring(s)     # well-formed XML, or this raises
        check(root.get("role") == "img")
        title, desc = root.find(ns + "title"), root.find(ns + "desc")
        check(title is not None and title.text and desc is not None and desc.text)
        ids = root.get("aria-labelledby").split()
        check(ids == [title.get("id"), desc.get("id")], ids)
    # Each chart's numbers again as a table: B's bar and its row.
    bars = t[t.index('id="CHART_UNITS-h"'):t.index('id="CHART_RANK-h"')]
    check('<th scope="row">%s</th><td>3</td>' % CTX["B_name"] in bars, "B's row of the bars")
    check(re.search(r'<text class="chart-label"[^>]*>%s</text>' % re.escape(CTX["B_name"]), bars))
    rank = t[t.index('id="CHART_RANK-h"'):t.index('id="tk-xu-huong"')]
    check('<th scope="row">%s</th><td>66,7%%</td>' % CTX["A_name"] in rank)
    check('<th scope="row">%s</th><td>50,0%%</td>' % CTX["B_name"] in rank)
    check(rank.index(CTX["A_name"]) < rank.index(CTX["B_name"]), "ranked by on-time rate")
    trend = t[t.index('id="tk-xu-huong"'):]
    check('<th scope="row">03/2026</th>' in trend)
    check("<script" not in t)


CSV_HEAD = ["Đơn vị", "Hồ sơ tiếp nhận", "Nộp trực tuyến", "Nộp trực tiếp", "Qua bưu chính",
            "Tỷ lệ nộp trực tuyến", "Đã giải quyết", "Giải quyết đúng hạn", "Giải quyết trễ hạn",
            "Tỷ lệ giải quyết đúng hạn", "Đang giải quyết, còn hạn", "Đang quá hạn",
            "Thời gian xử lý trung bình (ngày làm việc)",
            "Thời gian xử lý, phân vị 90 (ngày làm việc)", "Yêu cầu bổ sung hồ sơ",
            "Yêu cầu bổ sung trên một hồ sơ", "Hồ sơ trực tiếp được số hóa",
            "Tỷ lệ số hóa hồ sơ trực tiếp", "Lượt đánh giá", "Đánh giá hài lòng (4–5 điểm)",
            "Điểm đánh giá trung bình (1–5)", "Tỷ lệ hài lòng", "Tin bài đã đăng",
            "Câu hỏi đã trả lời"]


def csv_rows(r):
    check(r.status == 200, "%d %s" % (r.status, r.text[:200]))
    check(r.header("content-type") == "text/csv; charset=utf-8")
    check("attachment" in r.header("content-disposition"))
    check(r.body.startswith(b"\xef\xbb\xbf"), "BOM")
    return list(csv.reader(io.StringIO(r.body[3:].decode("utf-8"), newline="")))


@case
def csv_of_the_units():
    rows = csv_rows(get("/thong-ke?%s&dinh_dang=csv&bang=don-vi" % MONTH))
    check(rows[0] == CSV_HEAD, rows[0])
    check(rows[-1][0] == "Toàn thành phố")
    a = [x for x in rows if x[0] == CTX["A_name"]][0]
    check(a == [CTX["A_name"], "5", "2", "2", "1", "40,0%", "3", "2", "1", "66,7%", "1", "1",
                "4,0", "7", "3", "0,60", "1", "50,0%", "2", "1", "4,00", "50,0%", "2", "1"], a)
    b = [x for x in rows if x[0] == CTX["B_name"]][0]
    check(b == [CTX["B_name"], "3", "2", "1", "0", "66,7%", "2", "1", "1", "50,0%", "0", "0",
                "4,5", "9", "0", "0,00", "1", "100,0%", "1", "1", "4,00", "100,0%", "0", "0"], b)


@case
def csv_of_months_and_procedures():
    rows = csv_rows(get("/thong-ke?don_vi=%s&%s&dinh_dang=csv&bang=thang" % (CTX["A"], MONTH)))
    check(rows[0] == ["Tháng", "Hồ sơ tiếp nhận", "Nộp trực tuyến", "Giải quyết đúng hạn",
                      "Giải quyết trễ hạn", "Tỷ lệ đúng hạn"], rows[0])
    check(rows[-1] == ["03/2026", "5", "2", "2", "1", "66,7%"], rows[-1])
    rows = csv_rows(get("/thong-ke?don_vi=%s&%s&dinh_dang=csv&bang=thu-tuc" % (CTX["B"], MONTH)))
    check(rows[0][:3] == ["Mã thủ tục", "Tên thủ tục", "Hồ sơ tiếp nhận"], rows[0])
    check(rows[1][0] == PROC and rows[1][2:] == ["3", "2", "1", "1", "0", "50,0%"], rows[1])
    r = get("/thong-ke?%s&dinh_dang=csv&bang=tre-han" % MONTH)
    check(r.status == 404, "the late list is the desk's: %d" % r.status)
    r = get("/thong-ke?dinh_dang=csv&bang=khac")
    check(r.status == 400 and "Bảng không hợp lệ." in r.text, r.status)


def staff_of(unit):
    a = register(name="Cán Bộ Thống Kê")
    sql("INSERT INTO user_roles (user_id, role, unit_id) VALUES (%d, 'staff', %s)"
        % (a.id, CTX[unit]))
    return a.client


@case
def desk_page_lists_late_applications():
    c = staff_of("A")
    r = c.get("/mot-cua/thong-ke?don_vi=%s&%s" % (CTX["A"], MONTH))
    check(r.status == 200, "%d %s" % (r.status, r.text[:300]))
    check("<h1>Thống kê dịch vụ công: %s</h1>" % CTX["A_name"] in r.text)
    late = re.findall(r'<a href="/mot-cua/ho-so/([^"]+)">', r.text)
    check(late == CTX["late"], "%s != %s" % (late, CTX["late"]))
    for code in late:
        check(c.get("/mot-cua/ho-so/" + code).status == 200, code)
    rows = csv_rows(c.get("/mot-cua/thong-ke?don_vi=%s&%s&dinh_dang=csv&bang=tre-han"
                          % (CTX["A"], MONTH)))
    check(rows[0] == ["Mã hồ sơ", "Tên thủ tục", "Ngày nhận", "Ngày hẹn trả", "Ngày có kết quả",
                      "Trạng thái"], rows[0])
    check([x[0] for x in rows[1:]] == CTX["late"])
    check(rows[1][2:5] == ["03/03/2026", "10/03/2026", "12/03/2026"], rows[1])
    check(rows[2][2:5] == ["31/03/2026", "07/04/2026", ""], rows[2])


@case
def desk_page_refuses_others():
    c = staff_of("A")
    r = c.get("/mot-cua/thong-ke?don_vi=%s&%s" % (CTX["B"], MONTH))
    check(r.status == 404, "another unit's numbers: %d" % r.status)
    check(CTX["B_name"] not in r.text)
    r = c.get("/mot-cua/thong-ke?don_vi=%s&%s&dinh_dang=csv&bang=tre-han" % (CTX["B"], MONTH))
    check(r.status == 404, r.status)
    resident = demo_login("0912000041")
    check(resident.get("/mot-cua/thong-ke").status == 403, "a resident")
    r = get("/mot-cua/thong-ke")
    check(r.status == 303 and "/dang-nhap" in r.header("location"), "signed out: %d" % r.status)
    leader = demo_login("0912000031")
    check(leader.get("/mot-cua/thong-ke").status == 200, "a leader")


@case
def metrics_gauges():
    # Made at most every [stats] gauge_seconds (10) in a worker.
    pat = r'^portal_applications_overdue\{unit="tk-a-%s"\} (\d+)$' % TAG
    check(wait_for(lambda: re.search(pat, get("/metrics").text, re.M), 25), "A's gauge")
    r = get("/metrics")
    check(r.status == 200, r.status)
    t = r.text
    check("# TYPE portal_applications gauge" in t)
    check(re.search(r'^portal_applications\{status="4"\} \d+$', t, re.M), "status 4")
    check("# TYPE portal_applications_overdue gauge" in t)
    m = re.search(pat, t, re.M)
    check(m and int(m.group(1)) == 2, "A3 and A7 overdue: %s" % (m and m.group(0)))
    check(re.search(r'^portal_applications_overdue_total \d+$', t, re.M))


if __name__ == "__main__":
    main()
