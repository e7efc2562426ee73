{{%AUTOESCAPE context="HTML"}}
{{!
  User administration, /quan-tri/nguoi-dung (BODY of layout.tpl).
  Keys: Q (search text, re-filled), TOTAL (number of users matching),
  NOTICE (section: MESSAGE),
  USER_ITEM[] { ID, FULL_NAME, PHONE, EMAIL, ROLES (text), STATUS_LABEL,
  DISABLED (section: the account is disabled) }, NO_USERS (section),
  PREV, NEXT (sections: URL, complete and safe).
}}
<div class="toolbar">
  <h1>Quản lý người dùng</h1>
  <div>
    <a class="button" href="/quan-tri/nguoi-dung/moi">Thêm người dùng</a>
    <a class="button button-secondary" href="/quan-tri/thu-tuc">Quản lý thủ tục</a>
  </div>
</div>
<form class="filter-form" method="get" action="/quan-tri/nguoi-dung" role="search" aria-label="Tìm người dùng">
  <div class="field">
    <label for="tim-nguoi-dung">Tìm theo tên, số điện thoại, thư điện tử</label>
    <input type="search" id="tim-nguoi-dung" name="q" value="{{Q}}" autocomplete="off" spellcheck="false">
  </div>
  <button type="submit" class="button">Tìm</button>
</form>
<p class="result-count">Tổng số: {{TOTAL}} người dùng</p>
{{#NO_USERS}}
<p class="empty">Không tìm thấy người dùng nào.</p>
{{/NO_USERS}}
<div class="table-wrap" role="region" aria-labelledby="bang-nguoi-dung" tabindex="0">
  <table class="data-table">
    <caption id="bang-nguoi-dung">Danh sách người dùng</caption>
    <thead>
      <tr><th scope="col">Họ và tên</th><th scope="col">Số điện thoại</th><th scope="col">Thư điện tử</th><th scope="col">Vai trò</th><th scope="col">Trạng thái</th></tr>
    </thead>
    <tbody>
      {{#USER_ITEM}}
      <tr{{#DISABLED}} class="is-disabled"{{/DISABLED}}>
        <th scope="row"><a href="/quan-tri/nguoi-dung/{{ID}}">{{FULL_NAME}}</a></th>
        <td class="nowrap num">{{PHONE}}</td>
        <td>{{EMAIL}}</td>
        <td class="cell-wide">{{ROLES}}</td>
        <td class="nowrap">{{#DISABLED}}<span class="tag tag-off">{{/DISABLED}}{{STATUS_LABEL}}{{#DISABLED}}</span>{{/DISABLED}}</td>
      </tr>
      {{/USER_ITEM}}
    </tbody>
  </table>
</div>
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
