{{%AUTOESCAPE context="HTML"}}
{{!
  Create a user, /quan-tri/nguoi-dung/moi (BODY of layout.tpl).
  Keys: CSRF, VAL_FULL_NAME, VAL_PHONE, VAL_EMAIL,
  ERR_FULL_NAME, ERR_PHONE, ERR_EMAIL, ERR_PASSWORD (sections: MESSAGE),
  FORM_ERROR (section: MESSAGE; also shown whenever an ERR_* is).
  Fields posted: csrf, ho_ten, dien_thoai, email, mat_khau.
  The data is someone else's: autocomplete is off except new-password
  (so the administrator's own saved details are never filled in).
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/quan-tri/nguoi-dung">Quản lý người dùng</a></li>
  </ol>
</nav>
<section class="panel medium" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Thêm người dùng</h1>
  {{>FORM_ERROR}}
  <form class="form" method="post" action="/quan-tri/nguoi-dung/moi" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_FULL_NAME}} field-invalid{{/ERR_FULL_NAME}}">
      <label for="ho-ten">Họ và tên <span class="req">(bắt buộc)</span></label>
      {{#ERR_FULL_NAME}}<p class="field-error" id="loi-ho-ten"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_FULL_NAME}}
      <input type="text" id="ho-ten" name="ho_ten" value="{{VAL_FULL_NAME}}" autocomplete="off" autocapitalize="words" spellcheck="false" required{{#ERR_FULL_NAME}} aria-invalid="true" aria-describedby="loi-ho-ten"{{/ERR_FULL_NAME}}>
    </div>
    <div class="field{{#ERR_PHONE}} field-invalid{{/ERR_PHONE}}">
      <label for="dien-thoai">Số điện thoại di động <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-dien-thoai">Ví dụ: 0912 345 678</p>
      {{#ERR_PHONE}}<p class="field-error" id="loi-dien-thoai"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PHONE}}
      <input type="tel" id="dien-thoai" class="input-short" name="dien_thoai" value="{{VAL_PHONE}}" autocomplete="off" required aria-describedby="goi-y-dien-thoai{{#ERR_PHONE}} loi-dien-thoai{{/ERR_PHONE}}"{{#ERR_PHONE}} aria-invalid="true"{{/ERR_PHONE}}>
    </div>
    <div class="field{{#ERR_EMAIL}} field-invalid{{/ERR_EMAIL}}">
      <label for="email">Thư điện tử</label>
      <p class="hint" id="goi-y-email">Không bắt buộc; cần có để người dùng tự đặt lại mật khẩu khi quên.</p>
      {{#ERR_EMAIL}}<p class="field-error" id="loi-email"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EMAIL}}
      <input type="email" id="email" name="email" value="{{VAL_EMAIL}}" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="goi-y-email{{#ERR_EMAIL}} loi-email{{/ERR_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true"{{/ERR_EMAIL}}>
    </div>
    <div class="field{{#ERR_PASSWORD}} field-invalid{{/ERR_PASSWORD}}">
      <label for="mat-khau">Mật khẩu ban đầu <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-mat-khau">Từ 8 đến 128 ký tự. Hãy trao mật khẩu này trực tiếp cho người dùng và nhắc họ đổi mật khẩu ngay lần đăng nhập đầu tiên (mục Tài khoản → Đổi mật khẩu).</p>
      {{#ERR_PASSWORD}}<p class="field-error" id="loi-mat-khau"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PASSWORD}}
      <input type="password" id="mat-khau" name="mat_khau" autocomplete="new-password" required aria-describedby="goi-y-mat-khau{{#ERR_PASSWORD}} loi-mat-khau{{/ERR_PASSWORD}}"{{#ERR_PASSWORD}} aria-invalid="true"{{/ERR_PASSWORD}}>
    </div>
    <div class="actions">
      <button type="submit" class="button">Tạo tài khoản</button>
      <a href="/quan-tri/nguoi-dung">Huỷ</a>
    </div>
  </form>
</section>
