{{%AUTOESCAPE context="HTML"}}
{{!
  One user, /quan-tri/nguoi-dung/{id} (BODY of layout.tpl).
  Keys: CSRF, USER_ID, FULL_NAME, PHONE, EMAIL, HAS_ID (section:
  ID_MASKED, ID_STATE: whether the number is verified),
  STATUS_LABEL, CREATED, NOTICE (section: MESSAGE),
  FORM_ERROR (section: MESSAGE).
  Show exactly one of ACTIVE / DISABLED (sections): the lock form.
  ROLE_ITEM[] { ROLE_LABEL, UNIT_NAME (empty: city-wide), ROLE, UNIT_ID
  (empty for city-wide) }, NO_ROLES (section).
  ROLE_OPTION[] { VALUE, LABEL }, UNIT_OPTION[] { VALUE, LABEL }.
  AUDIT_ITEM[] { AT, ACTOR, ACTION, DETAIL }; NO_AUDIT (optional section).
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/quan-tri/nguoi-dung">Quản lý người dùng</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>{{FULL_NAME}}</h1>
  <p class="page-lead">Mã người dùng: {{USER_ID}}</p>
</div>
{{>FORM_ERROR}}
<div class="two-col">
  <section class="panel" aria-labelledby="thong-tin">
    <h2 id="thong-tin">Thông tin tài khoản</h2>
    <dl class="facts">
      <dt>Số điện thoại</dt>
      <dd class="num">{{PHONE}}</dd>
      <dt>Thư điện tử</dt>
      <dd>{{EMAIL}}</dd>
      <dt>Số định danh cá nhân</dt>
      <dd>{{#HAS_ID}}<span class="num">{{ID_MASKED}}</span> ({{ID_STATE}}){{/HAS_ID}}</dd>
      <dt>Trạng thái</dt>
      <dd>{{STATUS_LABEL}}</dd>
      <dt>Ngày tạo</dt>
      <dd class="num">{{CREATED}}</dd>
    </dl>
    {{#ACTIVE}}
    <form class="form" method="post" action="/quan-tri/nguoi-dung/{{USER_ID}}/khoa">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="hanh_dong" value="khoa">
      <p class="form-note" id="ghi-chu-khoa">Người dùng sẽ không đăng nhập được cho đến khi được kích hoạt lại.</p>
      <div class="actions">
        <button type="submit" class="button button-secondary" aria-describedby="ghi-chu-khoa">Vô hiệu hoá tài khoản</button>
      </div>
    </form>
    {{/ACTIVE}}
    {{#DISABLED}}
    <form class="form" method="post" action="/quan-tri/nguoi-dung/{{USER_ID}}/khoa">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="hanh_dong" value="mo">
      <div class="actions">
        <button type="submit" class="button">Kích hoạt lại</button>
      </div>
    </form>
    {{/DISABLED}}
  </section>

  <section class="panel" aria-labelledby="vai-tro">
    <h2 id="vai-tro">Vai trò</h2>
    {{#NO_ROLES}}
    <p class="empty">Người dùng này chưa được cấp vai trò nào.</p>
    {{/NO_ROLES}}
    <div class="table-wrap" role="region" aria-labelledby="bang-vai-tro" tabindex="0">
      <table class="data-table">
        <caption id="bang-vai-tro">Vai trò đang giữ</caption>
        <thead>
          <tr><th scope="col">Vai trò</th><th scope="col">Đơn vị</th><th scope="col"><span class="visually-hidden">Thao tác</span></th></tr>
        </thead>
        <tbody>
          {{#ROLE_ITEM}}
          <tr>
            <td>{{ROLE_LABEL}}</td>
            <td class="unit-cell">{{UNIT_NAME}}</td>
            <td>
              <form class="inline-form" method="post" action="/quan-tri/nguoi-dung/{{USER_ID}}/thu-hoi">
                <input type="hidden" name="csrf" value="{{CSRF}}">
                <input type="hidden" name="vai_tro" value="{{ROLE}}">
                <input type="hidden" name="don_vi" value="{{UNIT_ID}}">
                <button type="submit" class="button button-secondary button-small">Thu hồi<span class="visually-hidden"> vai trò {{ROLE_LABEL}} {{UNIT_NAME}}</span></button>
              </form>
            </td>
          </tr>
          {{/ROLE_ITEM}}
        </tbody>
      </table>
    </div>

    <h3 id="cap-quyen">Cấp vai trò</h3>
    <form class="form" method="post" action="/quan-tri/nguoi-dung/{{USER_ID}}/cap-quyen" aria-labelledby="cap-quyen">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="field">
        <label for="vai-tro-moi">Vai trò</label>
        <select id="vai-tro-moi" name="vai_tro">
          {{#ROLE_OPTION}}
          <option value="{{VALUE}}">{{LABEL}}</option>
          {{/ROLE_OPTION}}
        </select>
      </div>
      <div class="field">
        <label for="don-vi-moi">Đơn vị</label>
        <p class="hint" id="goi-y-don-vi">Vai trò biên tập viên, cán bộ một cửa và lãnh đạo đơn vị phải gắn với một phường, xã.</p>
        <select id="don-vi-moi" name="don_vi" aria-describedby="goi-y-don-vi">
          <option value="">— Toàn thành phố (chỉ cho vai trò quản trị, công dân) —</option>
          {{#UNIT_OPTION}}
          <option value="{{VALUE}}">{{LABEL}}</option>
          {{/UNIT_OPTION}}
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="button">Cấp vai trò</button>
      </div>
    </form>
  </section>
</div>

<section class="panel" aria-labelledby="nhat-ky">
  <h2 id="nhat-ky">Nhật ký thao tác gần đây</h2>
  {{#NO_AUDIT}}
  <p class="empty">Chưa có thao tác nào được ghi lại.</p>
  {{/NO_AUDIT}}
  <div class="table-wrap" role="region" aria-labelledby="bang-nhat-ky" tabindex="0">
    <table class="data-table">
      <caption id="bang-nhat-ky" class="visually-hidden">Thao tác gần đây liên quan đến người dùng này</caption>
      <thead>
        <tr><th scope="col">Thời điểm</th><th scope="col">Người thực hiện</th><th scope="col">Thao tác</th><th scope="col">Chi tiết</th></tr>
      </thead>
      <tbody>
        {{#AUDIT_ITEM}}
        <tr>
          <td class="nowrap num">{{AT}}</td>
          <td>{{ACTOR}}</td>
          <td>{{ACTION}}</td>
          <td>{{DETAIL}}</td>
        </tr>
        {{/AUDIT_ITEM}}
      </tbody>
    </table>
  </div>
</section>
