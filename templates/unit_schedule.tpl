{{%AUTOESCAPE context="HTML"}}
{{!
  The leaders' weekly schedule, /don-vi/{unit}/lich-cong-tac?tuan=YYYY-Www
  (BODY of layout.tpl).
  Keys: UNIT_NAV (include), WEEK, WEEK_LABEL, PREV_URL, NEXT_URL, NOT_THIS_WEEK
  (section: URL), DAY[] { WEEKDAY, DATE, DATE_ISO, TODAY (section),
  ITEM[] { TIME, CONTENT, PLACE, PRESIDER, PARTICIPANTS }, NO_ITEM }.
}}
{{>UNIT_NAV}}
<h1>Lịch công tác của lãnh đạo</h1>
<p class="page-lead">{{WEEK_LABEL}}</p>
<nav class="pagination week-nav" aria-label="Chọn tuần">
  <ul>
    <li class="page-prev"><a href="{{PREV_URL}}" rel="prev">Tuần trước</a></li>
    {{#NOT_THIS_WEEK}}<li><a href="{{URL}}">Tuần này</a></li>{{/NOT_THIS_WEEK}}
    <li class="page-next"><a href="{{NEXT_URL}}" rel="next">Tuần sau</a></li>
  </ul>
</nav>
<div class="table-wrap">
<table class="table schedule">
  <caption class="visually-hidden">Lịch công tác {{WEEK_LABEL}}</caption>
  <thead>
    <tr><th scope="col">Thời gian</th><th scope="col">Nội dung</th><th scope="col">Địa điểm</th><th scope="col">Chủ trì</th><th scope="col">Thành phần</th></tr>
  </thead>
  {{#DAY}}
  <tbody{{#TODAY}} class="today"{{/TODAY}}>
    <tr class="schedule-day"><th scope="rowgroup" colspan="5">{{WEEKDAY}}, <time datetime="{{DATE_ISO}}">{{DATE}}</time>{{#TODAY}} (hôm nay){{/TODAY}}</th></tr>
    {{#ITEM}}
    <tr>
      <td>{{TIME}}</td>
      <td>{{CONTENT}}</td>
      <td>{{PLACE}}</td>
      <td>{{PRESIDER}}</td>
      <td>{{PARTICIPANTS}}</td>
    </tr>
    {{/ITEM}}
    {{#NO_ITEM}}<tr><td colspan="5" class="empty">Không có lịch.</td></tr>{{/NO_ITEM}}
  </tbody>
  {{/DAY}}
</table>
</div>
