{{%AUTOESCAPE context="HTML"}}
{{!
  City home page (BODY of layout.tpl).
  Keys: SITE_NAME (inherited from the layout dictionary), TOTAL_UNITS,
  KIND_GROUP[] { KIND_LABEL, KIND_COUNT, UNIT_ITEM[] { UNIT_NAME, UNIT_SLUG,
  UNIT_CODE } }, ITEM[] { ARTICLE_ITEM (include: article_item.tpl) },
  NO_ITEMS (section),
  NOTICE (section: MESSAGE; set by resp_page_new from "tb", e.g. after
  signing out: /?tb=dang-xuat).
  The service entry points (procedures, applying online, tracking,
  statistics) come back as a "Dịch vụ công" section when those pages exist.
}}
<section class="intro" aria-labelledby="gioi-thieu">
  <h1 id="gioi-thieu">{{SITE_NAME}}</h1>
  <p class="intro-text">Thông tin chính thức, thủ tục hành chính và dịch vụ công trực tuyến của thành phố và {{TOTAL_UNITS}} phường, xã trực thuộc.</p>
</section>

<div class="home-grid">
  <section class="news" id="tin-tuc" aria-labelledby="tin-tuc-moi">
    <h2 id="tin-tuc-moi">Tin tức mới nhất</h2>
    <ul class="news-list">
      {{#ITEM}}<li>{{>ARTICLE_ITEM}}</li>{{/ITEM}}
    </ul>
    {{#NO_ITEMS}}
    <p class="empty">Chưa có tin bài.</p>
    {{/NO_ITEMS}}
    <p class="more"><a href="/tin-tuc">Xem tất cả tin tức</a> · <a href="/feed.atom" type="application/atom+xml">Theo dõi tin mới (Atom)</a></p>
  </section>

  <section class="units" aria-labelledby="phuong-xa">
    <h2 id="phuong-xa">Các phường, xã <span class="count">({{TOTAL_UNITS}} đơn vị)</span></h2>
    {{#KIND_GROUP}}
    <div class="kind-group">
      <h3>{{KIND_LABEL}} <span class="count">({{KIND_COUNT}})</span></h3>
      <ul class="unit-list">
        {{#UNIT_ITEM}}
        <li><a href="/don-vi/{{UNIT_SLUG}}/">{{UNIT_NAME}}</a> <span class="unit-code">Mã {{UNIT_CODE}}</span></li>
        {{/UNIT_ITEM}}
      </ul>
    </div>
    {{/KIND_GROUP}}
    <p class="more"><a href="/don-vi-cu">Các đơn vị trước sáp nhập</a></p>
  </section>
</div>
