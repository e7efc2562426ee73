{{%AUTOESCAPE context="HTML"}}
{{!
  A unit's home page (BODY of layout.tpl; h/h_unit_home.c).
  Keys: UNIT_NAME, UNIT_SLUG, UNIT_KIND, UNIT_CODE, UNIT_NAV (include:
  unit_nav.tpl), PINNED, LATEST, NOTICES (sections, each with ITEM[] {
  ARTICLE_ITEM (include: article_item.tpl) }), NO_NEWS (section),
  CATEGORY_BLOCK[] { NAME, SLUG, N, ITEM[] }, SCHEDULE_DAY[] { WEEKDAY,
  DAY, SCHEDULE_ITEM[] { TIME, ISO, CONTENT, PLACE, PRESIDER,
  PARTICIPANTS (sections) } }, NO_SCHEDULE (section), PREDECESSORS
  (section: PRED_ITEM[] { NAME, SLUG }).
}}
<section class="unit-head" aria-labelledby="ten-don-vi">
  <h1 id="ten-don-vi">{{UNIT_NAME}}</h1>
  <ul class="unit-facts">
    <li>Loại đơn vị: <strong>{{UNIT_KIND}}</strong></li>
    <li>Mã đơn vị hành chính: <strong>{{UNIT_CODE}}</strong></li>
  </ul>
</section>
{{>UNIT_NAV}}

{{#PINNED}}
<section class="pinned" aria-labelledby="thong-bao-ghim">
  <h2 id="thong-bao-ghim">Thông báo quan trọng</h2>
  <ul class="news-list">
    {{#ITEM}}<li>{{>ARTICLE_ITEM}}</li>{{/ITEM}}
  </ul>
</section>
{{/PINNED}}

<div class="home-grid">
  <div class="home-main">
    <section class="news" id="tin-tuc" aria-labelledby="tin-tuc-su-kien">
      <h2 id="tin-tuc-su-kien">Tin tức – sự kiện</h2>
      {{#LATEST}}
      <ul class="news-list">
        {{#ITEM}}<li>{{>ARTICLE_ITEM}}</li>{{/ITEM}}
      </ul>
      <p class="more"><a href="/don-vi/{{UNIT_SLUG}}/tin-tuc">Xem tất cả tin tức</a></p>
      {{/LATEST}}
      {{#NO_NEWS}}
      <p class="empty">Chưa có tin bài.</p>
      {{/NO_NEWS}}
    </section>

    {{#CATEGORY_BLOCK}}
    <section class="news category-block" aria-labelledby="chuyen-muc-{{N}}">
      <h2 id="chuyen-muc-{{N}}"><a href="/don-vi/{{UNIT_SLUG}}/chuyen-muc/{{SLUG}}">{{NAME}}</a></h2>
      <ul class="news-list">
        {{#ITEM}}<li>{{>ARTICLE_ITEM}}</li>{{/ITEM}}
      </ul>
    </section>
    {{/CATEGORY_BLOCK}}
  </div>

  <div class="home-side">
    {{#NOTICES}}
    <section class="news notices" aria-labelledby="thong-bao">
      <h2 id="thong-bao">Thông báo</h2>
      <ul class="news-list">
        {{#ITEM}}<li>{{>ARTICLE_ITEM}}</li>{{/ITEM}}
      </ul>
      <p class="more"><a href="/don-vi/{{UNIT_SLUG}}/thong-bao">Xem tất cả thông báo</a></p>
    </section>
    {{/NOTICES}}

    <section class="schedule" aria-labelledby="lich-cong-tac">
      <h2 id="lich-cong-tac">Lịch công tác 7 ngày tới</h2>
      {{#SCHEDULE_DAY}}
      <h3 class="schedule-day">{{WEEKDAY}}, {{DAY}}</h3>
      <ul class="schedule-list">
        {{#SCHEDULE_ITEM}}
        <li><time datetime="{{ISO}}">{{TIME}}</time> {{CONTENT}}{{#PLACE}}<br><span class="schedule-label">Địa điểm:</span> {{PLACE}}{{/PLACE}}{{#PRESIDER}}<br><span class="schedule-label">Chủ trì:</span> {{PRESIDER}}{{/PRESIDER}}{{#PARTICIPANTS}}<br><span class="schedule-label">Thành phần:</span> {{PARTICIPANTS}}{{/PARTICIPANTS}}</li>
        {{/SCHEDULE_ITEM}}
      </ul>
      {{/SCHEDULE_DAY}}
      {{#NO_SCHEDULE}}<p class="empty">Chưa có lịch công tác trong 7 ngày tới.</p>{{/NO_SCHEDULE}}
    </section>

    <section class="services" aria-labelledby="dich-vu-cong">
      <h2 id="dich-vu-cong">Dịch vụ công</h2>
      <ul class="quick-links">
        <li><a href="/thu-tuc">Thủ tục hành chính</a></li>
        <li><a href="/tra-cuu">Tra cứu hồ sơ</a></li>
        <li><a href="/don-vi/{{UNIT_SLUG}}/feed.atom" type="application/atom+xml">Theo dõi tin mới (Atom)</a></li>
      </ul>
    </section>

    {{#PREDECESSORS}}
    <section class="predecessors" aria-labelledby="don-vi-truoc">
      <h2 id="don-vi-truoc">Đơn vị trước sáp nhập</h2>
      <ul>
        {{#PRED_ITEM}}<li><a href="/don-vi-cu/{{SLUG}}">Tin bài của {{NAME}}</a></li>{{/PRED_ITEM}}
      </ul>
    </section>
    {{/PREDECESSORS}}
  </div>
</div>
