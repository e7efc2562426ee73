{{%AUTOESCAPE context="HTML"}}
{{!
  The twelve months' trend as an inline SVG line chart, with its numbers
  as a table for screen readers (h/statsview.c): W, H, DESC; GRID[] { Y,
  X1, X2, LX, LABEL }; MONTH[] { X, Y, LABEL }; RECEIVED, ONLINE (the
  points: numbers only); ROW[] { MONTH, RECEIVED, ONLINE }.
}}
<figure>
  <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {{W}} {{H}}" role="img" aria-labelledby="tk-trend-t tk-trend-d">
    <title id="tk-trend-t">Hồ sơ tiếp nhận theo tháng</title>
    <desc id="tk-trend-d">{{DESC}}</desc>
    {{#GRID}}<line class="chart-grid" x1="{{X1}}" y1="{{Y}}" x2="{{X2}}" y2="{{Y}}"></line>
    <text class="chart-label" x="{{LX}}" y="{{Y}}" text-anchor="end" dy="4">{{LABEL}}</text>
    {{/GRID}}
    {{#MONTH}}<text class="chart-label" x="{{X}}" y="{{Y}}" text-anchor="middle">{{LABEL}}</text>
    {{/MONTH}}
    <polyline class="chart-line" points="{{RECEIVED}}"></polyline>
    <polyline class="chart-line chart-line-2" points="{{ONLINE}}"></polyline>
  </svg>
  <figcaption>{{DESC}}</figcaption>
</figure>
<table class="data-table visually-hidden">
  <caption>Hồ sơ tiếp nhận theo tháng</caption>
  <thead><tr><th scope="col">Tháng</th><th scope="col">Hồ sơ tiếp nhận</th><th scope="col">Nộp trực tuyến</th></tr></thead>
  <tbody>
    {{#ROW}}<tr><th scope="row">{{MONTH}}</th><td>{{RECEIVED}}</td><td>{{ONLINE}}</td></tr>
    {{/ROW}}
  </tbody>
</table>
