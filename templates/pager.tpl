{{%AUTOESCAPE context="HTML"}}
{{!
  Page links of a listing (the PAGER include, h/sites.c sites_pager).
  Keys: PREV, NEXT (sections: URL), PAGE_ITEM[] { NUM, CURRENT (section:
  this page), LINK (section: URL), GAP (section: pages left out) }.
}}
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#PAGE_ITEM}}<li>{{#CURRENT}}<a aria-current="page" aria-label="Trang {{NUM}}, trang hiện tại">{{NUM}}</a>{{/CURRENT}}{{#LINK}}<a href="{{URL}}" aria-label="Trang {{NUM}}">{{NUM}}</a>{{/LINK}}{{#GAP}}<span class="page-gap" aria-hidden="true">…</span>{{/GAP}}</li>{{/PAGE_ITEM}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
