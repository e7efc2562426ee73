{{%AUTOESCAPE context="HTML"}}
{{!
  The procedure catalogue's administration, /quan-tri/thu-tuc (BODY of
  layout.tpl).  Keys: Q, TOTAL, PAGE, PAGES,
  PROC_ITEM[] { CODE, NAME, SECTOR, ONLINE_LABEL, PUBLISHED, PENDING
  (sections) }, NO_PROCS (section), PREV, NEXT (sections: URL).
}}
<div class="toolbar">
  <h1>Quản lý thủ tục hành chính</h1>
  <a class="button" href="/quan-tri/nguoi-dung">Quản lý người dùng</a>
</div>
<p>Sửa một thủ tục tạo phiên bản mới; hồ sơ đã nộp giữ phiên bản có hiệu lực khi nộp.</p>
<form class="filter-form" method="get" action="/quan-tri/thu-tuc" role="search" aria-label="Tìm thủ tục">
  <div class="field">
    <label for="tim-thu-tuc">Tên hoặc mã thủ tục</label>
    <input type="search" id="tim-thu-tuc" name="q" value="{{Q}}" autocomplete="off">
  </div>
  <button type="submit" class="button">Tìm</button>
</form>
<p class="result-count">Tổng số: {{TOTAL}} thủ tục (trang {{PAGE}}/{{PAGES}})</p>
{{#NO_PROCS}}
<p class="empty">Không tìm thấy thủ tục nào.</p>
{{/NO_PROCS}}
<div class="table-wrap" role="region" aria-labelledby="bang-thu-tuc" tabindex="0">
  <table class="data-table">
    <caption id="bang-thu-tuc">Danh sách thủ tục</caption>
    <thead>
      <tr><th scope="col">Mã</th><th scope="col">Tên thủ tục</th><th scope="col">Lĩnh vực</th><th scope="col">Mức độ trực tuyến</th><th scope="col">Trạng thái</th></tr>
    </thead>
    <tbody>
      {{#PROC_ITEM}}
      <tr>
        <td class="nowrap num">{{CODE}}</td>
        <th scope="row"><a href="/quan-tri/thu-tuc/{{CODE}}">{{NAME}}</a></th>
        <td>{{SECTOR}}</td>
        <td>{{ONLINE_LABEL}}</td>
        <td class="nowrap">{{#PUBLISHED}}Đã công bố đầy đủ{{/PUBLISHED}}{{#PENDING}}<span class="tag tag-off">Chờ đơn vị công bố</span>{{/PENDING}}</td>
      </tr>
      {{/PROC_ITEM}}
    </tbody>
  </table>
</div>
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
