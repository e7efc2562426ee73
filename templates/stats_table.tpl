{{%AUTOESCAPE context="HTML"}}
{{!
  One table of the statistics (h/h_stats.c): ID, CAPTION, CSV_URL;
  HEAD[] { H }; ROW[] { PLAIN (section: V) or LINKED (section: V, URL),
  CELL[] { V } }; HAS_ROWS, NO_ROWS (sections).
}}
<section class="stats-table" aria-labelledby="{{ID}}">
  <h2 id="{{ID}}">{{CAPTION}}</h2>
  {{#NO_ROWS}}<p class="empty">Không có số liệu trong khoảng thời gian này.</p>{{/NO_ROWS}}
  {{#HAS_ROWS}}
  <div class="table-wrap" role="region" aria-label="{{CAPTION}}" tabindex="0">
    <table class="data-table">
      <caption class="visually-hidden">{{CAPTION}}</caption>
      <thead><tr>{{#HEAD}}<th scope="col">{{H}}</th>{{/HEAD}}</tr></thead>
      <tbody>
        {{#ROW}}<tr>{{#PLAIN}}<th scope="row">{{V}}</th>{{/PLAIN}}{{#LINKED}}<th scope="row" class="nowrap"><a href="{{URL}}">{{V}}</a></th>{{/LINKED}}{{#CELL}}<td class="num">{{V}}</td>{{/CELL}}</tr>
        {{/ROW}}
      </tbody>
    </table>
  </div>
  {{/HAS_ROWS}}
  <p class="no-print"><a href="{{CSV_URL}}" download>Tải bảng (CSV, mở được bằng Excel)</a></p>
</section>
