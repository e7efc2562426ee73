{{%AUTOESCAPE context="HTML"}}
{{!
  The one-stop desk's queue, /mot-cua/ (BODY of layout.tpl; h/h_desk.c).
  Keys: UNIT_NAME, UNIT_ID, REGISTER_URL, INTAKE (section: URL, for
    staff), TODAY, SOON_DATE, PROC, TOTAL,
    PAGE, PAGES, ALL_COUNT, ALL_URL, ALL_CURRENT (section);
    DESK_UNIT[] { UNIT_NAME, CURRENT (section), LINK (section: URL) };
    STATUS_COUNT[] { CODE, NAME, COUNT, URL, CURRENT (section) };
    STATUS_OPTION[], CHANNEL_OPTION[], DUE_OPTION[], ASSIGNEE_OPTION[]
      { VALUE, LABEL, SELECTED (section) }; FILTERED, NO_APPLICATIONS,
    HAS_APPS (sections); NO_PROC (section: PROC);
    APP[] { CODE, URL, PROCEDURE_NAME, APPLICANT, CHANNEL, STATUS_NAME,
      SUBMITTED, DUE_DATE, ASSIGNEE, ROW_CLASS, OVERDUE, SOON (sections) };
    PREV, NEXT (sections: URL, complete and safe).
}}
<div class="page-head">
  <h1>Bộ phận một cửa: {{UNIT_NAME}}</h1>
  <p class="page-lead">Hồ sơ đã nộp đến đơn vị, hạn trả sớm nhất trước. Hôm nay: {{TODAY}}. <a href="{{REGISTER_URL}}">Sổ theo dõi hồ sơ</a> · <a href="/mot-cua/thong-ke?don_vi={{UNIT_ID}}">Thống kê</a>{{#INTAKE}} · <a href="{{URL}}">Tiếp nhận hồ sơ trực tiếp</a>{{/INTAKE}}</p>
</div>
<nav class="desk-units" aria-label="Đơn vị bạn phục vụ">
  <ul class="plain-list">
    {{#DESK_UNIT}}<li>{{#CURRENT}}<strong aria-current="page">{{UNIT_NAME}}</strong>{{/CURRENT}}{{#LINK}}<a href="{{URL}}">{{UNIT_NAME}}</a>{{/LINK}}</li>
    {{/DESK_UNIT}}
  </ul>
</nav>
<section aria-labelledby="theo-trang-thai">
  <h2 id="theo-trang-thai">Số hồ sơ theo trạng thái</h2>
  <ul class="status-counts">
    <li>{{#ALL_CURRENT}}<strong aria-current="page">{{/ALL_CURRENT}}<a href="{{ALL_URL}}">Tất cả: {{ALL_COUNT}}</a>{{#ALL_CURRENT}}</strong>{{/ALL_CURRENT}}</li>
    {{#STATUS_COUNT}}<li>{{#CURRENT}}<strong aria-current="page">{{/CURRENT}}<a href="{{URL}}">{{CODE}}. {{NAME}}: {{COUNT}}</a>{{#CURRENT}}</strong>{{/CURRENT}}</li>
    {{/STATUS_COUNT}}
  </ul>
</section>
<form class="filter-form" method="get" action="/mot-cua/" role="search" aria-label="Lọc hồ sơ">
  <input type="hidden" name="don_vi" value="{{UNIT_ID}}">
  <div class="field">
    <label for="loc-trang-thai">Trạng thái</label>
    <select id="loc-trang-thai" name="trang_thai">
      <option value="">Tất cả</option>
      {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}. {{LABEL}}</option>
      {{/STATUS_OPTION}}
    </select>
  </div>
  <div class="field">
    <label for="loc-thu-tuc">Mã thủ tục</label>
    <input type="text" id="loc-thu-tuc" name="thu_tuc" value="{{PROC}}" autocomplete="off" aria-describedby="loc-thu-tuc-vd">
    <small id="loc-thu-tuc-vd" class="hint">Ví dụ: 1.001193</small>
  </div>
  <div class="field">
    <label for="loc-kenh">Kênh nộp</label>
    <select id="loc-kenh" name="kenh">
      <option value="">Tất cả</option>
      {{#CHANNEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/CHANNEL_OPTION}}
    </select>
  </div>
  <div class="field">
    <label for="loc-can-bo">Cán bộ xử lý</label>
    <select id="loc-can-bo" name="can_bo">
      <option value="">Tất cả</option>
      {{#ASSIGNEE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/ASSIGNEE_OPTION}}
    </select>
  </div>
  <div class="field">
    <label for="loc-han">Hạn trả</label>
    <select id="loc-han" name="han">
      <option value="">Tất cả</option>
      {{#DUE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
      {{/DUE_OPTION}}
    </select>
  </div>
  <button type="submit" class="button">Lọc</button>
  {{#FILTERED}}<a href="{{ALL_URL}}">Bỏ lọc</a>{{/FILTERED}}
</form>
<p class="result-count" role="status">{{TOTAL}} hồ sơ (trang {{PAGE}}/{{PAGES}}). Hồ sơ đang tính hạn (trạng thái 2, 4, 6) đã quá hạn hoặc đến hạn trước hết ngày {{SOON_DATE}} được đánh dấu.</p>
{{#NO_PROC}}<p class="empty">Không có thủ tục nào mã {{PROC}}.</p>{{/NO_PROC}}
{{#NO_APPLICATIONS}}
<p class="empty">Không có hồ sơ nào phù hợp.</p>
{{/NO_APPLICATIONS}}
{{#HAS_APPS}}
<div class="table-wrap" role="region" aria-labelledby="bang-ho-so" tabindex="0">
  <table class="data-table desk-queue">
    <caption id="bang-ho-so">Hồ sơ, hạn trả sớm nhất trước</caption>
    <thead>
      <tr><th scope="col">Mã hồ sơ</th><th scope="col">Thủ tục</th><th scope="col">Người nộp</th><th scope="col">Kênh</th><th scope="col">Trạng thái</th><th scope="col">Ngày nộp</th><th scope="col">Hẹn trả</th><th scope="col">Cán bộ xử lý</th></tr>
    </thead>
    <tbody>
      {{#APP}}
      <tr class="{{ROW_CLASS}}">
        <th scope="row" class="nowrap"><a href="{{URL}}">{{CODE}}</a></th>
        <td class="cell-wide">{{PROCEDURE_NAME}}</td>
        <td>{{APPLICANT}}</td>
        <td>{{CHANNEL}}</td>
        <td>{{STATUS_NAME}}</td>
        <td class="nowrap num">{{SUBMITTED}}</td>
        <td class="nowrap num">{{DUE_DATE}}{{#OVERDUE}} <span class="tag tag-late">Quá hạn</span>{{/OVERDUE}}{{#SOON}} <span class="tag tag-soon">Sắp đến hạn</span>{{/SOON}}</td>
        <td>{{ASSIGNEE}}</td>
      </tr>
      {{/APP}}
    </tbody>
  </table>
</div>
{{/HAS_APPS}}
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
