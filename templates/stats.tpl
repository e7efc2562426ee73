{{%AUTOESCAPE context="HTML"}}
{{!
  Statistics: /thong-ke (public) and /mot-cua/thong-ke (a unit's staff
  and leaders); BODY of layout.tpl; h/h_stats.c, h/statsview.c.
  Keys: SCOPE, FROM, TO (YYYY-MM-DD), FROM_DATE, TO_DATE (dd/mm/yyyy),
    JSON_URL; PUBLIC (section) with UNIT_OPTION[] { ID, NAME, SELECTED };
    ALL_LINK (section: URL); DESK (section: UNIT_ID), DESK_URL,
    DESK_UNIT[] { UNIT_NAME, CURRENT, LINK (URL) };
    KPI[] { H, V }; includes CHART_UNITS, CHART_RANK (stats_bars.tpl),
    CHART_TREND (stats_line.tpl), TABLE_UNITS, TABLE_MONTHS,
    TABLE_PROCS, TABLE_LATE (stats_table.tpl).
}}
<div class="page-head">
  <h1>Thống kê dịch vụ công: {{SCOPE}}</h1>
  <p class="page-lead">Hồ sơ tiếp nhận từ ngày {{FROM_DATE}} đến ngày {{TO_DATE}}. Số liệu tính từ dữ liệu xử lý hồ sơ, cập nhật mỗi phút.{{#ALL_LINK}} <a href="{{URL}}">Xem toàn thành phố</a>{{/ALL_LINK}}</p>
</div>
{{#DESK}}
<nav class="desk-units no-print" aria-label="Đơn vị bạn phục vụ">
  <ul class="plain-list">
    {{#DESK_UNIT}}<li>{{#CURRENT}}<strong aria-current="page">{{UNIT_NAME}}</strong>{{/CURRENT}}{{#LINK}}<a href="{{URL}}">{{UNIT_NAME}}</a>{{/LINK}}</li>
    {{/DESK_UNIT}}
  </ul>
</nav>
{{/DESK}}
<form class="filter-form no-print" method="get" action="{{#PUBLIC}}/thong-ke{{/PUBLIC}}{{#DESK}}/mot-cua/thong-ke{{/DESK}}" aria-label="Chọn đơn vị và khoảng thời gian">
  {{#PUBLIC}}
  <div class="field">
    <label for="tk-don-vi">Đơn vị</label>
    <select id="tk-don-vi" name="don_vi">
      <option value="">Toàn thành phố</option>
      {{#UNIT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
      {{/UNIT_OPTION}}
    </select>
  </div>
  {{/PUBLIC}}
  {{#DESK}}<input type="hidden" name="don_vi" value="{{UNIT_ID}}">{{/DESK}}
  <div class="field">
    <label for="tk-tu-ngay">Từ ngày</label>
    <input type="date" id="tk-tu-ngay" name="tu_ngay" value="{{FROM}}">
  </div>
  <div class="field">
    <label for="tk-den-ngay">Đến ngày</label>
    <input type="date" id="tk-den-ngay" name="den_ngay" value="{{TO}}">
  </div>
  <button type="submit" class="button">Xem</button>
</form>
<section aria-labelledby="tk-tong-quan">
  <h2 id="tk-tong-quan">Tổng quan</h2>
  <dl class="stats-kpi">
    {{#KPI}}<div><dt>{{H}}</dt><dd>{{V}}</dd></div>
    {{/KPI}}
  </dl>
  <p class="no-print"><a href="{{JSON_URL}}">Dữ liệu mở (JSON)</a></p>
</section>
{{>CHART_UNITS}}
{{>CHART_RANK}}
<section aria-labelledby="tk-xu-huong">
  <h2 id="tk-xu-huong">Xu hướng 12 tháng</h2>
  {{>CHART_TREND}}
</section>
{{>TABLE_LATE}}
{{>TABLE_UNITS}}
{{>TABLE_MONTHS}}
{{>TABLE_PROCS}}
