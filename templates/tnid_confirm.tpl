{{%AUTOESCAPE context="HTML"}}
{{!
  Linking Thái Nguyên ID to an existing account (BODY of layout.tpl).
  Sections: ASK (after the provider's callback: the ID number belongs to
  an account here; sign in to it to confirm), CONFIRM (signed in: the
  form posting to /auth/tnid/lien-ket).  Keys: CSRF.
}}
<section class="panel narrow" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Liên kết Thái Nguyên ID</h1>
  {{#ASK}}
  <p>Số định danh cá nhân trong Thái Nguyên ID của bạn đã được xác minh cho một tài khoản trên cổng này. Để bảo vệ tài khoản đó, cổng không tự gộp hai tài khoản.</p>
  <p>Nếu đó là tài khoản của bạn, hãy đăng nhập tài khoản đó một lần (bằng số điện thoại hoặc thư điện tử và mật khẩu) trên trình duyệt này để xác nhận liên kết. Sau đó bạn có thể đăng nhập bằng Thái Nguyên ID.</p>
  <ul class="form-links">
    <li><a class="button" href="/dang-nhap?tiep=/auth/tnid/lien-ket">Đăng nhập để xác nhận liên kết</a></li>
    <li><a href="/quen-mat-khau">Quên mật khẩu?</a></li>
  </ul>
  {{/ASK}}
  {{#CONFIRM}}
  <p>Bạn vừa đăng nhập bằng Thái Nguyên ID với số định danh đã được xác minh cho tài khoản này. Xác nhận liên kết để từ nay có thể đăng nhập tài khoản này bằng Thái Nguyên ID.</p>
  <form class="form" method="post" action="/auth/tnid/lien-ket">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="actions">
      <button type="submit" class="button">Xác nhận liên kết</button>
      <a href="/tai-khoan">Không liên kết</a>
    </div>
  </form>
  {{/CONFIRM}}
</section>
