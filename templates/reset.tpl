{{%AUTOESCAPE context="HTML"}}
{{!
  Choose a new password from an e-mailed link, /dat-lai-mat-khau
  (BODY of layout.tpl).
  Keys: CSRF, TOKEN (sent back as "ma"), ERR_PASSWORD, ERR_PASSWORD2
  (sections: MESSAGE), FORM_ERROR (section: MESSAGE; also shown whenever
  an ERR_* is).
  Show exactly one of: FORM (the form) or INVALID (unknown, used or
  expired link).
  Fields posted: csrf, ma, mat_khau, mat_khau_nhap_lai.
}}
<section class="panel narrow" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Đặt lại mật khẩu</h1>
  {{#INVALID}}
  <div class="alert" role="alert">
    <p class="alert-title">Đường dẫn đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.</p>
  </div>
  <p><a class="button" href="/quen-mat-khau">Yêu cầu đường dẫn mới</a></p>
  {{/INVALID}}
  {{#FORM}}
  {{>FORM_ERROR}}
  <form class="form" method="post" action="/dat-lai-mat-khau" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="ma" value="{{TOKEN}}">
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
      <button type="submit" class="button">Đặt mật khẩu mới</button>
    </div>
  </form>
  {{/FORM}}
</section>
<script src="/static/js/password.js" defer></script>
