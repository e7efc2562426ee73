{{%AUTOESCAPE context="HTML"}}
{{!
  A listing of articles (BODY of layout.tpl): a unit's news, its
  announcements, a category, the city's news, a merged unit's archive.
  Keys: HEADING, TOTAL, UNIT_NAV (include, unit pages only), ARCHIVE
  (section: HOME_NAME, HOME_SLUG: a merged unit's archive), PAGE_NUM
  (section: NUM), ITEM[] { ARTICLE_ITEM (include: article_item.tpl) },
  NO_ITEMS (section), PAGER (include: pager.tpl).
}}
{{>UNIT_NAV}}
<section class="news listing" aria-labelledby="tieu-de-danh-sach">
  <h1 id="tieu-de-danh-sach">{{HEADING}}</h1>
  {{#ARCHIVE}}
  <p class="archive-note">Đơn vị này đã sáp nhập; các tin bài dưới đây nay thuộc trang của <a href="/don-vi/{{HOME_SLUG}}/">{{HOME_NAME}}</a>.</p>
  {{/ARCHIVE}}
  <p class="listing-count">{{TOTAL}} tin bài{{#PAGE_NUM}}, trang {{NUM}}{{/PAGE_NUM}}</p>
  <h2 class="visually-hidden">Danh sách tin bài</h2>
  <ul class="news-list">
    {{#ITEM}}<li>{{>ARTICLE_ITEM}}</li>{{/ITEM}}
  </ul>
  {{#NO_ITEMS}}
  <p class="empty">Chưa có tin bài.</p>
  {{/NO_ITEMS}}
  {{>PAGER}}
</section>
