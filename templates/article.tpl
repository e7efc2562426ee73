{{%AUTOESCAPE context="HTML"}}
{{!
  One news article (BODY of layout.tpl).
  Keys: TITLE, UNIT_NAME, UNIT_SLUG, DATE, DATE_ISO, SUMMARY,
  PARA[] { TEXT }.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/">Trang chủ</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/">{{UNIT_NAME}}</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/#tin-tuc">Tin tức</a></li>
  </ol>
</nav>

<article class="article">
  <header class="article-head">
    <h1>{{TITLE}}</h1>
    <p class="news-meta"><span class="news-unit">{{UNIT_NAME}}</span> <time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
  </header>
  <p class="article-lead">{{SUMMARY}}</p>
  <div class="article-body">
    {{#PARA}}
    <p>{{TEXT}}</p>
    {{/PARA}}
  </div>
</article>

<p class="back-link"><a href="/don-vi/{{UNIT_SLUG}}/#tin-tuc">Các tin khác của {{UNIT_NAME}}</a></p>
