{{%AUTOESCAPE context="HTML"}}
{{!
  One-stop-shop desk, /mot-cua/ (BODY of layout.tpl).
  Keys: DESK_UNIT[] { UNIT_NAME, ROLE_LABEL }, NO_APPLICATIONS (section).
}}
<div class="page-head">
  <h1>Bộ phận một cửa</h1>
  <p class="page-lead">Hồ sơ thủ tục hành chính gửi đến các đơn vị bạn phục vụ sẽ được liệt kê tại đây để tiếp nhận và xử lý.</p>
</div>
<div class="two-col">
  <section class="panel" aria-labelledby="don-vi-phuc-vu">
    <h2 id="don-vi-phuc-vu">Đơn vị bạn phục vụ</h2>
    <ul class="plain-list">
      {{#DESK_UNIT}}
      <li>{{UNIT_NAME}} <span class="with-dash">{{ROLE_LABEL}}</span></li>
      {{/DESK_UNIT}}
    </ul>
  </section>
  <section class="panel" aria-labelledby="ho-so-can-xu-ly">
    <h2 id="ho-so-can-xu-ly">Hồ sơ cần xử lý</h2>
    {{#NO_APPLICATIONS}}
    <p class="empty">Chưa có hồ sơ nào cần xử lý.</p>
    {{/NO_APPLICATIONS}}
  </section>
</div>
