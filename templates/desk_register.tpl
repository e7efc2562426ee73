{{%AUTOESCAPE context="HTML"}}
{{!
  The register of applications (Sổ theo dõi hồ sơ, Mẫu 07),
  /mot-cua/so-theo-doi (BODY of layout.tpl; h/h_desk_register.c).
  Keys: UNIT_NAME, UNIT_ID, FROM, TO (YYYY-MM-DD), DESK_URL, CSV_URL,
    CSV_MAX, TOTAL, PAGE, PAGES; CSV, CSV_TOO_BIG, HAS_ROWS, NO_ROWS
    (sections); ROW[] { STT, CODE, PROCEDURE_NAME, APPLICANT, CONTACT,
    RECEIVED, DUE, DECIDED, RETURNED, STATUS_NAME, NOTE };
    PREV, NEXT (sections: URL, complete and safe).
}}
<div class="page-head">
  <h1>Sổ theo dõi hồ sơ: {{UNIT_NAME}}</h1>
  <p class="page-lead">Hồ sơ tiếp nhận từ ngày {{FROM}} đến ngày {{TO}} (Mẫu số 07). <a href="{{DESK_URL}}">Về danh sách hồ sơ</a></p>
</div>
<form class="filter-form" method="get" action="/mot-cua/so-theo-doi" aria-label="Chọn khoảng thời gian">
  <input type="hidden" name="don_vi" value="{{UNIT_ID}}">
  <div class="field">
    <label for="tu-ngay">Từ ngày</label>
    <input type="date" id="tu-ngay" name="tu_ngay" value="{{FROM}}" required>
  </div>
  <div class="field">
    <label for="den-ngay">Đến ngày</label>
    <input type="date" id="den-ngay" name="den_ngay" value="{{TO}}" required>
  </div>
  <button type="submit" class="button">Xem</button>
</form>
<p class="result-count" role="status">{{TOTAL}} hồ sơ (trang {{PAGE}}/{{PAGES}}).
  {{#CSV}}<a href="{{CSV_URL}}" download>Tải sổ theo dõi (CSV, mở được bằng Excel)</a>{{/CSV}}
  {{#CSV_TOO_BIG}}Khoảng thời gian có hơn {{CSV_MAX}} hồ sơ: hãy chọn khoảng ngắn hơn để tải tệp CSV.{{/CSV_TOO_BIG}}</p>
{{#NO_ROWS}}<p class="empty">Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này.</p>{{/NO_ROWS}}
{{#HAS_ROWS}}
<div class="table-wrap" role="region" aria-labelledby="bang-so-theo-doi" tabindex="0">
  <table class="data-table">
    <caption id="bang-so-theo-doi">Sổ theo dõi hồ sơ, theo ngày nhận</caption>
    <thead>
      <tr><th scope="col">STT</th><th scope="col">Mã hồ sơ</th><th scope="col">Tên thủ tục</th><th scope="col">Người nộp</th><th scope="col">Địa chỉ, số điện thoại</th><th scope="col">Ngày nhận</th><th scope="col">Ngày hẹn trả</th><th scope="col">Ngày có kết quả</th><th scope="col">Ngày trả kết quả</th><th scope="col">Trạng thái</th><th scope="col">Ghi chú</th></tr>
    </thead>
    <tbody>
      {{#ROW}}
      <tr>
        <td class="num">{{STT}}</td>
        <th scope="row" class="nowrap">{{CODE}}</th>
        <td class="cell-wide">{{PROCEDURE_NAME}}</td>
        <td>{{APPLICANT}}</td>
        <td class="nowrap">{{CONTACT}}</td>
        <td class="nowrap num">{{RECEIVED}}</td>
        <td class="nowrap num">{{DUE}}</td>
        <td class="nowrap num">{{DECIDED}}</td>
        <td class="nowrap num">{{RETURNED}}</td>
        <td>{{STATUS_NAME}}</td>
        <td>{{NOTE}}</td>
      </tr>
      {{/ROW}}
    </tbody>
  </table>
</div>
{{/HAS_ROWS}}
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
