{{%AUTOESCAPE context="HTML"}}
{{!
  Registration, /dang-ky (BODY of layout.tpl).
  Keys: CSRF, VAL_FULL_NAME, VAL_PHONE, VAL_EMAIL, VAL_ID_NUMBER,
  FORM_ERROR (section: MESSAGE; show it whenever any ERR_* is shown: it is
  the announced summary that lists them),
  ERR_FULL_NAME, ERR_PHONE, ERR_EMAIL, ERR_ID_NUMBER, ERR_PASSWORD,
  ERR_PASSWORD2 (sections: MESSAGE).
  Fields posted: csrf, ho_ten, dien_thoai, email, so_dinh_danh, mat_khau,
  mat_khau_nhap_lai.
}}
<section class="panel medium" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Đăng ký tài khoản</h1>
  <p class="page-lead">Tài khoản dùng để nộp và theo dõi hồ sơ thủ tục hành chính trực tuyến.</p>
  {{>FORM_ERROR}}
  <form class="form" method="post" action="/dang-ky" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_FULL_NAME}} field-invalid{{/ERR_FULL_NAME}}">
      <label for="ho-ten">Họ và tên <span class="req">(bắt buộc)</span></label>
      {{#ERR_FULL_NAME}}<p class="field-error" id="loi-ho-ten"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_FULL_NAME}}
      <input type="text" id="ho-ten" name="ho_ten" value="{{VAL_FULL_NAME}}" autocomplete="name" autocapitalize="words" spellcheck="false" required{{#ERR_FULL_NAME}} aria-invalid="true" aria-describedby="loi-ho-ten"{{/ERR_FULL_NAME}}>
    </div>
    <div class="field{{#ERR_PHONE}} field-invalid{{/ERR_PHONE}}">
      <label for="dien-thoai">Số điện thoại di động <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-dien-thoai">Ví dụ: 0912 345 678</p>
      {{#ERR_PHONE}}<p class="field-error" id="loi-dien-thoai"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PHONE}}
      <input type="tel" id="dien-thoai" class="input-short" name="dien_thoai" value="{{VAL_PHONE}}" autocomplete="tel" required aria-describedby="goi-y-dien-thoai{{#ERR_PHONE}} loi-dien-thoai{{/ERR_PHONE}}"{{#ERR_PHONE}} aria-invalid="true"{{/ERR_PHONE}}>
    </div>
    <div class="field{{#ERR_EMAIL}} field-invalid{{/ERR_EMAIL}}">
      <label for="email">Thư điện tử</label>
      <p class="hint" id="goi-y-email">Không bắt buộc; dùng để đặt lại mật khẩu khi quên.</p>
      {{#ERR_EMAIL}}<p class="field-error" id="loi-email"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EMAIL}}
      <input type="email" id="email" name="email" value="{{VAL_EMAIL}}" autocomplete="email" autocapitalize="none" spellcheck="false" aria-describedby="goi-y-email{{#ERR_EMAIL}} loi-email{{/ERR_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true"{{/ERR_EMAIL}}>
    </div>
    <div class="field{{#ERR_ID_NUMBER}} field-invalid{{/ERR_ID_NUMBER}}">
      <label for="so-dinh-danh">Số định danh cá nhân</label>
      <p class="hint" id="goi-y-so-dinh-danh">12 chữ số trên căn cước; không bắt buộc; được mã hoá khi lưu.</p>
      {{#ERR_ID_NUMBER}}<p class="field-error" id="loi-so-dinh-danh"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_ID_NUMBER}}
      <input type="text" id="so-dinh-danh" class="input-short" name="so_dinh_danh" value="{{VAL_ID_NUMBER}}" inputmode="numeric" autocomplete="off" spellcheck="false" aria-describedby="goi-y-so-dinh-danh{{#ERR_ID_NUMBER}} loi-so-dinh-danh{{/ERR_ID_NUMBER}}"{{#ERR_ID_NUMBER}} aria-invalid="true"{{/ERR_ID_NUMBER}}>
    </div>
    <div class="field{{#ERR_PASSWORD}} field-invalid{{/ERR_PASSWORD}}">
      <label for="mat-khau">Mật khẩu <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-mat-khau">Từ 8 đến 128 ký tự, có thể dùng chữ có dấu và dấu cách. Nên dùng một cụm từ dài, dễ nhớ với bạn nhưng khó đoán với người khác; không dùng mật khẩu phổ biến hay số điện thoại.</p>
      {{#ERR_PASSWORD}}<p class="field-error" id="loi-mat-khau"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PASSWORD}}
      <input type="password" id="mat-khau" name="mat_khau" autocomplete="new-password" required aria-describedby="goi-y-mat-khau{{#ERR_PASSWORD}} loi-mat-khau{{/ERR_PASSWORD}}"{{#ERR_PASSWORD}} aria-invalid="true"{{/ERR_PASSWORD}} data-strength="do-manh-mat-khau">
      <p class="strength" id="do-manh-mat-khau" aria-live="polite"></p>
    </div>
    <div class="field{{#ERR_PASSWORD2}} field-invalid{{/ERR_PASSWORD2}}">
      <label for="mat-khau-nhap-lai">Nhập lại mật khẩu <span class="req">(bắt buộc)</span></label>
      {{#ERR_PASSWORD2}}<p class="field-error" id="loi-mat-khau-nhap-lai"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PASSWORD2}}
      <input type="password" id="mat-khau-nhap-lai" name="mat_khau_nhap_lai" autocomplete="new-password" required{{#ERR_PASSWORD2}} aria-invalid="true" aria-describedby="loi-mat-khau-nhap-lai"{{/ERR_PASSWORD2}}>
    </div>
    <div class="actions">
      <button type="submit" class="button">Đăng ký</button>
    </div>
  </form>
  <ul class="form-links">
    <li><a href="/dang-nhap">Đã có tài khoản? Đăng nhập</a></li>
  </ul>
</section>
<script src="/static/js/password.js" defer></script>
