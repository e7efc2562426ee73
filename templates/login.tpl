{{%AUTOESCAPE context="HTML"}}
{{!
  Sign-in page, /dang-nhap (BODY of layout.tpl).
  Keys: CSRF, NEXT (path to return to, sent back as "tiep"),
  VAL_ACCOUNT (re-filled "tai_khoan"), TNID (section: the Thái Nguyên ID
  button, when a provider is configured),
  FORM_ERROR (section: MESSAGE), NOTICE (section: MESSAGE),
  Fields posted: csrf, tiep, tai_khoan, mat_khau.
}}
<section class="panel narrow" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Đăng nhập</h1>
  {{>FORM_ERROR}}
  <form class="form" method="post" action="/dang-nhap" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="tiep" value="{{NEXT}}">
    <div class="field">
      <label for="tai-khoan">Số điện thoại hoặc thư điện tử <span class="req">(bắt buộc)</span></label>
      <input type="text" id="tai-khoan" name="tai_khoan" value="{{VAL_ACCOUNT}}" autocomplete="username" autocapitalize="none" spellcheck="false" required>
    </div>
    <div class="field">
      <label for="mat-khau">Mật khẩu <span class="req">(bắt buộc)</span></label>
      <input type="password" id="mat-khau" name="mat_khau" autocomplete="current-password" required>
    </div>
    <div class="actions">
      <button type="submit" class="button">Đăng nhập</button>
      <a href="/quen-mat-khau">Quên mật khẩu?</a>
    </div>
  </form>
  <ul class="form-links">
    <li><a href="/dang-ky">Chưa có tài khoản? Đăng ký</a></li>
  </ul>
  {{#TNID}}
  <p><a class="button button-secondary" href="/auth/tnid/login?return_to={{NEXT:u}}" aria-describedby="tnid-ghi-chu">Đăng nhập bằng Thái Nguyên ID</a></p>
  <p class="form-note" id="tnid-ghi-chu">Tài khoản định danh dùng chung của tỉnh Thái Nguyên. Lần đầu đăng nhập, cổng tạo tài khoản công dân cho bạn.</p>
  {{/TNID}}
</section>
