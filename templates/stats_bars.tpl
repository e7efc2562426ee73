{{%AUTOESCAPE context="HTML"}}
{{!
  A horizontal bar chart as inline SVG, with its numbers as a table for
  screen readers (h/statsview.c): ID, TITLE, DESC, COL, W, H; BAR[] {
  LABEL, VALUE, LX, X, Y, TY, BW, BH, VX }; HAS_BARS, NO_BARS.
}}
<section class="stats-chart" aria-labelledby="{{ID}}-h">
  <h2 id="{{ID}}-h">{{TITLE}}</h2>
  {{#NO_BARS}}<p class="empty">Chưa có số liệu để vẽ biểu đồ.</p>{{/NO_BARS}}
  {{#HAS_BARS}}
  <figure>
    <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {{W}} {{H}}" role="img" aria-labelledby="{{ID}}-t {{ID}}-d">
      <title id="{{ID}}-t">{{TITLE}}</title>
      <desc id="{{ID}}-d">{{DESC}}</desc>
      {{#BAR}}<g>
        <text class="chart-label" x="{{LX}}" y="{{TY}}" text-anchor="end">{{LABEL}}</text>
        <rect class="chart-bar" x="{{X}}" y="{{Y}}" width="{{BW}}" height="{{BH}}"></rect>
        <text class="chart-value" x="{{VX}}" y="{{TY}}">{{VALUE}}</text>
      </g>
      {{/BAR}}
    </svg>
    <figcaption>{{DESC}}</figcaption>
  </figure>
  <table class="data-table visually-hidden">
    <caption>{{TITLE}}</caption>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col">{{COL}}</th></tr></thead>
    <tbody>
      {{#BAR}}<tr><th scope="row">{{LABEL}}</th><td>{{VALUE}}</td></tr>
      {{/BAR}}
    </tbody>
  </table>
  {{/HAS_BARS}}
</section>
