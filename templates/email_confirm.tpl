{{%AUTOESCAPE context="HTML"}}
{{!
  Confirm an email address from the link mailed to it, /xac-nhan-email
  (BODY of layout.tpl).
  Keys: CSRF, TOKEN (sent back as "ma"), EMAIL (the address).
  Show exactly one of: FORM (the confirmation button), DONE (confirmed)
  or INVALID (unknown, used or expired link, or an address the account
  no longer has).
  Fields posted: csrf, ma.
}}
<section class="panel narrow" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Xác nhận thư điện tử</h1>
  {{#INVALID}}
  <div class="alert" role="alert">
    <p class="alert-title">Đường dẫn xác nhận không hợp lệ, đã được dùng hoặc đã hết hạn.</p>
  </div>
  <p>Nếu bạn vẫn muốn dùng địa chỉ này, hãy đăng nhập bằng số điện thoại và khai báo lại thư điện tử ở trang <a href="/tai-khoan">Tài khoản của tôi</a> để nhận đường dẫn mới.</p>
  {{/INVALID}}
  {{#FORM}}
  <p id="ghi-chu-xac-nhan">Bấm nút dưới đây để xác nhận rằng địa chỉ <strong>{{EMAIL}}</strong> là của bạn. Sau khi xác nhận, địa chỉ này được dùng để đăng nhập, đặt lại mật khẩu và nhận thông báo.</p>
  <form class="form" method="post" action="/xac-nhan-email" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="ma" value="{{TOKEN}}">
    <div class="actions">
      <button type="submit" class="button" aria-describedby="ghi-chu-xac-nhan">Xác nhận</button>
    </div>
  </form>
  <p class="form-note">Nếu bạn không khai báo địa chỉ này, hãy đóng trang: địa chỉ sẽ không được dùng.</p>
  {{/FORM}}
  {{#DONE}}
  <div class="notice" role="status">
    <p>Đã xác nhận địa chỉ <strong>{{EMAIL}}</strong>.</p>
  </div>
  <p><a class="button" href="/dang-nhap">Đăng nhập</a></p>
  {{/DONE}}
</section>
