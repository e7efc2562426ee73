{{%AUTOESCAPE context="HTML"}}
{{!
  The signed-in person's account, /tai-khoan (BODY of layout.tpl).
  Keys: CSRF, NOTICE (section: MESSAGE), FORM_ERROR (section: MESSAGE;
  also shown whenever an ERR_* is: it lists them).
  (a) profile, POST /tai-khoan: fields ho_ten, email, mat_khau_hien_tai
      (needed only when the email changes).  Keys PHONE (text),
      HAS_ID (section: ID_MASKED, ID_STATE: verified or not),
      VAL_FULL_NAME, VAL_EMAIL,
      EMAIL_VERIFIED, EMAIL_UNVERIFIED (sections: the address on file is
      confirmed or not), ERR_FULL_NAME, ERR_EMAIL, ERR_EMAIL_PASSWORD
      (sections: MESSAGE).
  (b) password, POST /tai-khoan/mat-khau: fields mat_khau_hien_tai,
      mat_khau, mat_khau_nhap_lai.  ERR_CURRENT_PASSWORD, ERR_PASSWORD,
      ERR_PASSWORD2 (sections: MESSAGE).
  (c) roles: ROLE_ITEM[] { ROLE_LABEL, UNIT_NAME (empty: city-wide) },
      NO_ROLES (section).
  (d) sessions: SESSION_ITEM[] { CREATED, LAST_SEEN, ADDR, AGENT,
      CURRENT (section) }; POST /tai-khoan/dang-xuat-khac.
  (e) Thái Nguyên ID, when configured: TNID (section) with TNID_LINKED
      (SINCE; POST /tai-khoan/thai-nguyen-id/huy) or TNID_UNLINKED (the
      link to /auth/tnid/login?lien_ket=1).
}}
<div class="page-head">
  <h1>Tài khoản của tôi</h1>
</div>
{{>FORM_ERROR}}
<div class="two-col">
  <section class="panel" aria-labelledby="thong-tin-ca-nhan">
    <h2 id="thong-tin-ca-nhan">Thông tin cá nhân</h2>
    <dl class="facts">
      <dt>Số điện thoại</dt>
      <dd>{{PHONE}}</dd>
      {{#HAS_ID}}
      <dt>Số định danh cá nhân</dt>
      <dd><span class="num">{{ID_MASKED}}</span> <span class="form-note">(chỉ hiện 4 số cuối; {{ID_STATE}})</span></dd>
      {{/HAS_ID}}
    </dl>
    <form class="form" method="post" action="/tai-khoan" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="field{{#ERR_FULL_NAME}} field-invalid{{/ERR_FULL_NAME}}">
        <label for="ho-ten">Họ và tên <span class="req">(bắt buộc)</span></label>
        {{#ERR_FULL_NAME}}<p class="field-error" id="loi-ho-ten"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_FULL_NAME}}
        <input type="text" id="ho-ten" name="ho_ten" value="{{VAL_FULL_NAME}}" autocomplete="name" autocapitalize="words" spellcheck="false" required{{#ERR_FULL_NAME}} aria-invalid="true" aria-describedby="loi-ho-ten"{{/ERR_FULL_NAME}}>
      </div>
      <div class="field{{#ERR_EMAIL}} field-invalid{{/ERR_EMAIL}}">
        <label for="email">Thư điện tử</label>
        <p class="hint" id="goi-y-email">Không bắt buộc; dùng để đăng nhập, đặt lại mật khẩu khi quên và nhận thông báo sau khi bạn xác nhận bằng đường dẫn gửi đến địa chỉ đó.</p>
        {{#EMAIL_VERIFIED}}<p class="form-note" id="trang-thai-email">Địa chỉ hiện tại đã được xác nhận.</p>{{/EMAIL_VERIFIED}}
        {{#EMAIL_UNVERIFIED}}<p class="form-note" id="trang-thai-email">Địa chỉ hiện tại chưa được xác nhận: hãy mở đường dẫn trong thư xác nhận đã gửi đến địa chỉ này.</p>{{/EMAIL_UNVERIFIED}}
        {{#ERR_EMAIL}}<p class="field-error" id="loi-email"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EMAIL}}
        <input type="email" id="email" name="email" value="{{VAL_EMAIL}}" autocomplete="email" autocapitalize="none" spellcheck="false" aria-describedby="goi-y-email{{#EMAIL_VERIFIED}} trang-thai-email{{/EMAIL_VERIFIED}}{{#EMAIL_UNVERIFIED}} trang-thai-email{{/EMAIL_UNVERIFIED}}{{#ERR_EMAIL}} loi-email{{/ERR_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true"{{/ERR_EMAIL}}>
      </div>
      <div class="field{{#ERR_EMAIL_PASSWORD}} field-invalid{{/ERR_EMAIL_PASSWORD}}">
        <label for="mat-khau-doi-email">Mật khẩu hiện tại <span class="req">(bắt buộc khi đổi thư điện tử)</span></label>
        <p class="hint" id="goi-y-mat-khau-doi-email">Chỉ cần nhập khi thay đổi hoặc xoá thư điện tử; đổi họ tên không cần mật khẩu.</p>
        {{#ERR_EMAIL_PASSWORD}}<p class="field-error" id="loi-mat-khau-doi-email"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EMAIL_PASSWORD}}
        <input type="password" id="mat-khau-doi-email" name="mat_khau_hien_tai" autocomplete="current-password" aria-describedby="goi-y-mat-khau-doi-email{{#ERR_EMAIL_PASSWORD}} loi-mat-khau-doi-email{{/ERR_EMAIL_PASSWORD}}"{{#ERR_EMAIL_PASSWORD}} aria-invalid="true"{{/ERR_EMAIL_PASSWORD}}>
      </div>
      <div class="actions">
        <button type="submit" class="button">Lưu thông tin</button>
      </div>
    </form>
  </section>

  <section class="panel" aria-labelledby="doi-mat-khau">
    <h2 id="doi-mat-khau">Đổi mật khẩu</h2>
    <p class="form-note" id="ghi-chu-doi-mat-khau">Đổi mật khẩu sẽ đăng xuất mọi phiên khác.</p>
    <form class="form" method="post" action="/tai-khoan/mat-khau" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="field{{#ERR_CURRENT_PASSWORD}} field-invalid{{/ERR_CURRENT_PASSWORD}}">
        <label for="mat-khau-hien-tai">Mật khẩu hiện tại <span class="req">(bắt buộc)</span></label>
        {{#ERR_CURRENT_PASSWORD}}<p class="field-error" id="loi-mat-khau-hien-tai"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_CURRENT_PASSWORD}}
        <input type="password" id="mat-khau-hien-tai" name="mat_khau_hien_tai" autocomplete="current-password" required{{#ERR_CURRENT_PASSWORD}} aria-invalid="true" aria-describedby="loi-mat-khau-hien-tai"{{/ERR_CURRENT_PASSWORD}}>
      </div>
      <div class="field{{#ERR_PASSWORD}} field-invalid{{/ERR_PASSWORD}}">
        <label for="mat-khau">Mật khẩu mới <span class="req">(bắt buộc)</span></label>
        <p class="hint" id="goi-y-mat-khau">Từ 8 đến 128 ký tự, có thể dùng chữ có dấu và dấu cách. Nên dùng một cụm từ dài, dễ nhớ với bạn nhưng khó đoán với người khác; không dùng mật khẩu phổ biến hay số điện thoại.</p>
        {{#ERR_PASSWORD}}<p class="field-error" id="loi-mat-khau"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PASSWORD}}
        <input type="password" id="mat-khau" name="mat_khau" autocomplete="new-password" required aria-describedby="goi-y-mat-khau{{#ERR_PASSWORD}} loi-mat-khau{{/ERR_PASSWORD}}"{{#ERR_PASSWORD}} aria-invalid="true"{{/ERR_PASSWORD}} data-strength="do-manh-mat-khau">
        <p class="strength" id="do-manh-mat-khau" aria-live="polite"></p>
      </div>
      <div class="field{{#ERR_PASSWORD2}} field-invalid{{/ERR_PASSWORD2}}">
        <label for="mat-khau-nhap-lai">Nhập lại mật khẩu mới <span class="req">(bắt buộc)</span></label>
        {{#ERR_PASSWORD2}}<p class="field-error" id="loi-mat-khau-nhap-lai"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PASSWORD2}}
        <input type="password" id="mat-khau-nhap-lai" name="mat_khau_nhap_lai" autocomplete="new-password" required{{#ERR_PASSWORD2}} aria-invalid="true" aria-describedby="loi-mat-khau-nhap-lai"{{/ERR_PASSWORD2}}>
      </div>
      <div class="actions">
        <button type="submit" class="button" aria-describedby="ghi-chu-doi-mat-khau">Đổi mật khẩu</button>
      </div>
    </form>
  </section>
</div>

<section class="panel" aria-labelledby="vai-tro">
  <h2 id="vai-tro">Vai trò</h2>
  {{#NO_ROLES}}
  <p class="empty">Tài khoản chưa được cấp vai trò nào.</p>
  {{/NO_ROLES}}
  <ul class="plain-list">
    {{#ROLE_ITEM}}
    <li>{{ROLE_LABEL}} <span class="with-dash">{{UNIT_NAME}}</span></li>
    {{/ROLE_ITEM}}
  </ul>
</section>

{{#TNID}}
<section class="panel" aria-labelledby="thai-nguyen-id">
  <h2 id="thai-nguyen-id">Thái Nguyên ID</h2>
  {{#TNID_LINKED}}
  <p>Tài khoản đã liên kết với Thái Nguyên ID từ ngày {{SINCE}}: bạn có thể đăng nhập bằng Thái Nguyên ID.</p>
  <form class="form" method="post" action="/tai-khoan/thai-nguyen-id/huy">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="actions">
      <button type="submit" class="button button-secondary">Huỷ liên kết Thái Nguyên ID</button>
    </div>
  </form>
  {{/TNID_LINKED}}
  {{#TNID_UNLINKED}}
  <p>Tài khoản chưa liên kết với Thái Nguyên ID.</p>
  <p><a class="button button-secondary" href="/auth/tnid/login?lien_ket=1">Liên kết Thái Nguyên ID</a></p>
  {{/TNID_UNLINKED}}
</section>
{{/TNID}}

<section class="panel" aria-labelledby="phien-dang-nhap">
  <h2 id="phien-dang-nhap">Phiên đăng nhập</h2>
  <div class="table-wrap" role="region" aria-labelledby="bang-phien" tabindex="0">
    <table class="data-table">
      <caption id="bang-phien" class="visually-hidden">Các phiên đăng nhập đang hoạt động</caption>
      <thead>
        <tr><th scope="col">Đăng nhập lúc</th><th scope="col">Hoạt động gần nhất</th><th scope="col">Địa chỉ IP</th><th scope="col">Thiết bị, trình duyệt</th></tr>
      </thead>
      <tbody>
        {{#SESSION_ITEM}}
        <tr{{#CURRENT}} class="is-current"{{/CURRENT}}>
          <td class="nowrap num">{{CREATED}}</td>
          <td class="nowrap num">{{LAST_SEEN}}</td>
          <td class="num">{{ADDR}}</td>
          <td class="cell-agent">{{AGENT}}{{#CURRENT}} <strong class="tag">(phiên này)</strong>{{/CURRENT}}</td>
        </tr>
        {{/SESSION_ITEM}}
      </tbody>
    </table>
  </div>
  <form class="form" method="post" action="/tai-khoan/dang-xuat-khac">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="actions">
      <button type="submit" class="button button-secondary">Đăng xuất khỏi mọi thiết bị khác</button>
    </div>
  </form>
</section>
<script src="/static/js/password.js" defer></script>
