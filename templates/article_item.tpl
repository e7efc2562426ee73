{{%AUTOESCAPE context="HTML"}}
{{!
  One article of a listing (the ARTICLE_ITEM include of an ITEM section,
  h/sites.c sites_list_fill).
  Keys: TITLE, URL, DATE, DATE_ISO, SUMMARY, NOTICE_KIND (section: an
  announcement), ITEM_UNIT (section: UNIT_NAME), CATEGORY (section: NAME,
  URL), IMAGE (section: SRC, ALT: the lead image's resized copy).
}}
<article class="news-item{{#IMAGE}} has-image{{/IMAGE}}">
  {{#IMAGE}}<img class="news-thumb" src="{{SRC}}" alt="{{ALT}}" loading="lazy">{{/IMAGE}}
  <div class="news-text">
    <h3 class="news-title"><a href="{{URL}}">{{TITLE}}</a></h3>
    <p class="news-meta">{{#NOTICE_KIND}}<span class="news-kind">Thông báo</span> {{/NOTICE_KIND}}{{#ITEM_UNIT}}<span class="news-unit">{{UNIT_NAME}}</span> {{/ITEM_UNIT}}<time datetime="{{DATE_ISO}}">{{DATE}}</time>{{#CATEGORY}} · <a class="news-category" href="{{URL}}">{{NAME}}</a>{{/CATEGORY}}</p>
    <p class="news-summary">{{SUMMARY}}</p>
  </div>
</article>
