{{%AUTOESCAPE context="HTML"}}
{{!
  One article (BODY of layout.tpl): the public page, and the editor's
  preview (h/h_article.c fills both: h_article_fill).
  Keys: TITLE, UNIT_NAME, UNIT_SLUG, KIND_LABEL, MINUTES, ARTICLE_BODY
  (Markdown, rendered by x-markdown), DATED (section: DATE, DATE_ISO),
  CATEGORY (section: CATEGORY_NAME), HAS_SUMMARY (section: SUMMARY),
  LEAD (section: LEAD_URL, LEAD_ALT, LEAD_SIZE (section: LEAD_W,
  LEAD_H)), RELATED (section: RELATED_ITEM[] { URL, TITLE, DATE,
  DATE_ISO }), PREVIEW (section: EDIT_URL, STATUS_LABEL): the banner of
  the editor's preview; UNIT_NAV (include, h/sites.c); PREDECESSOR
  (section: OWNER_NAME): an article of a unit merged into this one.
}}
{{#PREVIEW}}
<div class="preview-banner" role="note" aria-label="Bản xem trước">
  <p><strong>Bản xem trước</strong> – bài ở trạng thái “{{STATUS_LABEL}}”, chưa hiện với bạn đọc như thế này. <a href="{{EDIT_URL}}">Quay lại sửa bài</a></p>
</div>
{{/PREVIEW}}
{{>UNIT_NAV}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/">Trang chủ</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/">{{UNIT_NAME}}</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/tin-tuc">Tin tức</a></li>
    {{#CATEGORY}}<li>{{CATEGORY_NAME}}</li>{{/CATEGORY}}
  </ol>
</nav>

<article class="article">
  <header class="article-head">
    <p class="article-kind">{{KIND_LABEL}}{{#CATEGORY}} · {{CATEGORY_NAME}}{{/CATEGORY}}</p>
    <h1>{{TITLE}}</h1>
    {{#PREDECESSOR}}<p class="archive-note">Tin của {{OWNER_NAME}}, trước sáp nhập</p>{{/PREDECESSOR}}
    <p class="news-meta"><span class="news-unit">{{UNIT_NAME}}</span>{{#DATED}} <time datetime="{{DATE_ISO}}">{{DATE}}</time>{{/DATED}} <span class="reading-time">Thời gian đọc: {{MINUTES}} phút</span></p>
  </header>
  {{#LEAD}}
  <figure class="article-figure">
    <img src="{{LEAD_URL}}" alt="{{LEAD_ALT}}"{{#LEAD_SIZE}} width="{{LEAD_W}}" height="{{LEAD_H}}"{{/LEAD_SIZE}}>
  </figure>
  {{/LEAD}}
  {{#HAS_SUMMARY}}<p class="article-lead">{{SUMMARY}}</p>{{/HAS_SUMMARY}}
  <div class="article-body">
{{ARTICLE_BODY:x-markdown}}
  </div>
</article>

{{#RELATED}}
<section class="related" aria-labelledby="bai-lien-quan">
  <h2 id="bai-lien-quan">Bài viết liên quan</h2>
  <ul class="news-list">
    {{#RELATED_ITEM}}
    <li><a href="{{URL}}">{{TITLE}}</a> <time datetime="{{DATE_ISO}}">{{DATE}}</time></li>
    {{/RELATED_ITEM}}
  </ul>
</section>
{{/RELATED}}

<p class="back-link"><a href="/don-vi/{{UNIT_SLUG}}/tin-tuc">Các tin khác của {{UNIT_NAME}}</a></p>
