{{%AUTOESCAPE context="HTML"}}
{{!
  A unit's home page (BODY of layout.tpl).
  Keys: UNIT_NAME, UNIT_KIND, UNIT_CODE, NEWS_ITEM[] { TITLE, URL,
  UNIT_NAME, DATE, DATE_ISO, SUMMARY }, NO_NEWS (section), PREV, NEXT
  (sections: URL of the neighbouring page of news, complete and safe).
  The unit's service entry points (procedures, tracking) come back as a
  "Dịch vụ công" section when those pages exist.
}}
<section class="unit-head" aria-labelledby="ten-don-vi">
  <h1 id="ten-don-vi">{{UNIT_NAME}}</h1>
  <ul class="unit-facts">
    <li>Loại đơn vị: <strong>{{UNIT_KIND}}</strong></li>
    <li>Mã đơn vị hành chính: <strong>{{UNIT_CODE}}</strong></li>
  </ul>
</section>

<section class="news" id="tin-tuc" aria-labelledby="tin-tuc-su-kien">
  <h2 id="tin-tuc-su-kien">Tin tức – sự kiện</h2>
  <ul class="news-list">
    {{#NEWS_ITEM}}
    <li>
      <article class="news-item">
        <h3 class="news-title"><a href="{{URL}}">{{TITLE}}</a></h3>
        <p class="news-meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
        <p class="news-summary">{{SUMMARY}}</p>
      </article>
    </li>
    {{/NEWS_ITEM}}
  </ul>
  {{#NO_NEWS}}
  <p class="empty">Chưa có tin bài.</p>
  {{/NO_NEWS}}
  <nav class="pagination" aria-label="Các trang tin">
    <ul>
      {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Tin mới hơn</a></li>{{/PREV}}
      {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Tin cũ hơn</a></li>{{/NEXT}}
    </ul>
  </nav>
</section>
