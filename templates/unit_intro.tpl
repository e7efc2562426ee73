{{%AUTOESCAPE context="HTML"}}
{{!
  A unit's introduction, /don-vi/{unit}/gioi-thieu[/{slug}] (BODY of
  layout.tpl).
  Keys: UNIT_NAV (include), HEADING, PAGE_ITEM[] { TITLE, URL, CURRENT }, NO_PAGES,
  TEXT (section: BODY (Markdown), UPDATED).
}}
{{>UNIT_NAV}}
<h1>{{HEADING}}</h1>
<div class="intro">
  <nav class="intro-pages" aria-label="Các trang giới thiệu">
    <ul>
      {{#PAGE_ITEM}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{TITLE}}</a></li>{{/PAGE_ITEM}}
    </ul>
  </nav>
  {{#NO_PAGES}}<p class="empty">Chưa có trang giới thiệu.</p>{{/NO_PAGES}}
  {{#TEXT}}
  <div class="prose">
    {{BODY:x-markdown}}
  </div>
  <p class="news-meta">Cập nhật: {{UPDATED}}</p>
  {{/TEXT}}
</div>
