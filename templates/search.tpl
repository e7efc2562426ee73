{{%AUTOESCAPE context="HTML"}}
{{!
  Search, /tim-kiem (BODY of layout.tpl; h/h_search.c).
  Keys: Q (as typed), IN_UNIT (section: the search is scoped to UNIT_NAME)
  or ALL_UNITS (section),
  UNIT_OPTION[], KIND_OPTION[] { VALUE, LABEL, SELECTED (section) },
  NO_WORDS (section: MESSAGE), NO_HITS (section: Q),
  RESULTS (section: TOTAL, Q, PAGE, PAGES, PAST_END (section: URL),
  HIT[] { KIND_LABEL, UNIT_NAME, URL, DATE, DATE_ISO,
  TITLE_SEG[], SNIPPET_SEG[] { PLAIN or MARK (sections: TEXT) } },
  PAGER (section: PREV, NEXT (sections: URL), PAGE_LINK[] { URL, NUMBER,
  CURRENT (section) })).  URLs are complete and safe.
  The words of the query are marked by the MARK sections: the text of
  every segment is escaped; no HTML comes from C.
}}
<h1>Tìm kiếm{{#IN_UNIT}} trong {{UNIT_NAME}}{{/IN_UNIT}}</h1>
<p class="page-lead">Tìm trong tin bài, văn bản và thủ tục hành chính{{#IN_UNIT}} của {{UNIT_NAME}} (cùng các thủ tục chung của mọi phường, xã){{/IN_UNIT}}{{#ALL_UNITS}} của mọi phường, xã thuộc thành phố{{/ALL_UNITS}}. Gõ có dấu hoặc không dấu, chữ hoa hay chữ thường đều được: “dac son” cũng tìm thấy “Đắc Sơn”.</p>
<form class="filter-form search-form" method="get" action="/tim-kiem" role="search" aria-label="Tìm kiếm trên cổng thông tin">
  <div class="field">
    <label for="tim-kiem-q">Từ khoá</label>
    <input type="search" id="tim-kiem-q" name="q" value="{{Q}}" maxlength="300" autocomplete="off">
  </div>
  <div class="field">
    <label for="tim-kiem-don-vi">Đơn vị</label>
    <select id="tim-kiem-don-vi" name="don_vi">
      <option value="">Mọi phường, xã</option>
      {{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/UNIT_OPTION}}
    </select>
  </div>
  <div class="field">
    <label for="tim-kiem-loai">Loại nội dung</label>
    <select id="tim-kiem-loai" name="loai">
      <option value="">Tất cả</option>
      {{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/KIND_OPTION}}
    </select>
  </div>
  <button type="submit" class="button">Tìm</button>
</form>
{{#NO_WORDS}}<p class="empty" role="status">{{MESSAGE}}</p>{{/NO_WORDS}}
{{#NO_HITS}}
<div class="empty" role="status">
  <p>Không tìm thấy kết quả nào cho “{{Q}}”.</p>
  <ul>
    <li>Kiểm tra lại chính tả, hoặc dùng ít từ hơn: mọi từ đều phải có trong kết quả.</li>
    <li>Chọn “Mọi phường, xã” và “Tất cả” để tìm rộng hơn.</li>
    <li>Tìm thủ tục theo lĩnh vực trong <a href="/thu-tuc">danh mục thủ tục hành chính</a>.</li>
  </ul>
</div>
{{/NO_HITS}}
{{#RESULTS}}
<p class="result-count" role="status">Tìm thấy {{TOTAL}} kết quả cho “{{Q}}” (trang {{PAGE}}/{{PAGES}})</p>
{{#PAST_END}}<p class="empty">Trang này không có kết quả. <a href="{{URL}}">Về trang đầu</a></p>{{/PAST_END}}
<ol class="search-hits">
  {{#HIT}}
  <li class="search-hit">
    <p class="search-meta"><span class="tag">{{KIND_LABEL}}</span> {{UNIT_NAME}} · <time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
    <h2 class="search-title"><a href="{{URL}}">{{#TITLE_SEG}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{/TITLE_SEG}}</a></h2>
    <p class="search-snippet">{{#SNIPPET_SEG}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{/SNIPPET_SEG}}</p>
  </li>
  {{/HIT}}
</ol>
{{#PAGER}}
<nav class="pagination" aria-label="Phân trang kết quả tìm kiếm">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#PAGE_LINK}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}} aria-label="Trang {{NUMBER}}">{{NUMBER}}</a></li>{{/PAGE_LINK}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
{{/PAGER}}
{{/RESULTS}}
