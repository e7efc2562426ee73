{{%AUTOESCAPE context="HTML"}}
{{!
  Forgotten password, /quen-mat-khau (BODY of layout.tpl).
  Keys: CSRF, VAL_EMAIL, ERR_EMAIL (section: MESSAGE),
  FORM_ERROR (section: MESSAGE; also shown whenever ERR_EMAIL is),
  NOTICE (section: MESSAGE).
  Show exactly one of: FORM (the form) or SENT (after a valid submit; the
  same neutral answer whether or not the address is registered).
  Fields posted: csrf, email.
}}
<section class="panel narrow" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Quên mật khẩu</h1>
  {{#SENT}}
  <div class="notice" role="status">
    <p>Nếu thư điện tử này đã được đăng ký, chúng tôi đã gửi hướng dẫn đặt lại mật khẩu. Vui lòng kiểm tra hộp thư (cả mục thư rác).</p>
  </div>
  <ul class="form-links">
    <li><a href="/dang-nhap">Quay lại trang đăng nhập</a></li>
  </ul>
  {{/SENT}}
  {{#FORM}}
  {{>FORM_ERROR}}
  <p id="huong-dan">Nhập thư điện tử đã đăng ký; chúng tôi sẽ gửi đường dẫn đặt lại mật khẩu, có hiệu lực 30 phút.</p>
  <form class="form" method="post" action="/quen-mat-khau" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_EMAIL}} field-invalid{{/ERR_EMAIL}}">
      <label for="email">Thư điện tử <span class="req">(bắt buộc)</span></label>
      {{#ERR_EMAIL}}<p class="field-error" id="loi-email"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EMAIL}}
      <input type="email" id="email" name="email" value="{{VAL_EMAIL}}" autocomplete="email" autocapitalize="none" spellcheck="false" required aria-describedby="huong-dan{{#ERR_EMAIL}} loi-email{{/ERR_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true"{{/ERR_EMAIL}}>
    </div>
    <div class="actions">
      <button type="submit" class="button">Gửi đường dẫn đặt lại</button>
    </div>
  </form>
  <ul class="form-links">
    <li><a href="/dang-nhap">Nhớ ra mật khẩu? Đăng nhập</a></li>
  </ul>
  {{/FORM}}
</section>
