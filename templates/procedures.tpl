{{%AUTOESCAPE context="HTML"}}
{{!
  The procedure catalogue, /thu-tuc (BODY of layout.tpl).
  Keys: Q, TOTAL, PAGE, PAGES, SECTOR_COUNT, FILTERED (section),
  SECTOR_OPTION[], LEVEL_OPTION[] { VALUE, LABEL, SELECTED (section) },
  SECTOR_ITEM[] { NAME, COUNT, URL, CURRENT (section) },
  SECTOR_GROUP[] { SECTOR, PROC_ITEM[] { CODE, NAME, URL, ONLINE_LABEL,
  ONLINE (section), DAYS (section: DAYS), PENDING (section) } },
  NO_PROCS (section), PREV, NEXT (sections: URL, complete and safe).
  No filter by unit: every current phường and xã handles all these
  procedures.
}}
<h1>Thủ tục hành chính</h1>
<p class="page-lead">Các thủ tục hành chính do Ủy ban nhân dân các phường, xã của thành phố Phổ Yên giải quyết, theo lĩnh vực. Tìm theo tên hoặc mã thủ tục, có dấu hoặc không dấu.</p>
<form class="filter-form" method="get" action="/thu-tuc" role="search" aria-label="Tìm thủ tục">
  <div class="field">
    <label for="tim-thu-tuc">Tên hoặc mã thủ tục</label>
    <input type="search" id="tim-thu-tuc" name="q" value="{{Q}}" autocomplete="off">
  </div>
  <div class="field">
    <label for="loc-linh-vuc">Lĩnh vực</label>
    <select id="loc-linh-vuc" name="linh_vuc">
      <option value="">Tất cả lĩnh vực</option>
      {{#SECTOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/SECTOR_OPTION}}
    </select>
  </div>
  <div class="field">
    <label for="loc-hinh-thuc">Mức độ trực tuyến</label>
    <select id="loc-hinh-thuc" name="hinh_thuc">
      <option value="">Tất cả</option>
      {{#LEVEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/LEVEL_OPTION}}
    </select>
  </div>
  <button type="submit" class="button">Tìm</button>
  {{#FILTERED}}<a href="/thu-tuc">Bỏ lọc</a>{{/FILTERED}}
</form>
<p class="result-count" role="status">Tìm thấy {{TOTAL}} thủ tục (trang {{PAGE}}/{{PAGES}})</p>
{{#NO_PROCS}}
<p class="empty">Không tìm thấy thủ tục nào phù hợp.</p>
{{/NO_PROCS}}
{{#SECTOR_GROUP}}
<section class="proc-group">
  <h2>{{SECTOR}}</h2>
  <ul class="proc-list">
    {{#PROC_ITEM}}
    <li class="proc-item">
      <a href="{{URL}}">{{NAME}}</a>
      <span class="proc-meta">Mã {{CODE}} · {{#ONLINE}}<span class="tag">{{/ONLINE}}{{ONLINE_LABEL}}{{#ONLINE}}</span>{{/ONLINE}}{{#DAYS}} · {{DAYS}} ngày làm việc{{/DAYS}}{{#PENDING}} · chờ đơn vị công bố chi tiết{{/PENDING}}</span>
    </li>
    {{/PROC_ITEM}}
  </ul>
</section>
{{/SECTOR_GROUP}}
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
<section class="proc-sectors" aria-labelledby="theo-linh-vuc">
  <h2 id="theo-linh-vuc">Theo lĩnh vực ({{SECTOR_COUNT}} lĩnh vực)</h2>
  <ul>
    {{#SECTOR_ITEM}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a> ({{COUNT}})</li>
    {{/SECTOR_ITEM}}
  </ul>
</section>
