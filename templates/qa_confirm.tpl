{{%AUTOESCAPE context="HTML"}}
{{!
  Confirming an anonymous question, /hoi-dap/xac-nhan?ma= (BODY of
  layout.tpl).  Keys: CSRF, TOKEN, TITLE, UNIT_NAME, QA_URL; one of the
  sections INVALID, FORM, DONE.
}}
<section class="panel medium" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Xác nhận câu hỏi</h1>
  {{#INVALID}}<p>Đường dẫn xác nhận không hợp lệ, đã được dùng hoặc đã hết hạn (24 giờ). Bạn có thể gửi lại câu hỏi.</p>
  <p><a href="/">Về trang chủ</a></p>{{/INVALID}}
  {{#FORM}}
  <p>Câu hỏi "<strong>{{TITLE}}</strong>" gửi {{UNIT_NAME}}.</p>
  <form method="post" action="/hoi-dap/xac-nhan">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="ma" value="{{TOKEN}}">
    <div class="actions"><button type="submit" class="button">Xác nhận gửi câu hỏi</button></div>
  </form>
  {{/FORM}}
  {{#DONE}}<p role="status">Đã xác nhận. Câu hỏi "<strong>{{TITLE}}</strong>" đã được chuyển đến cán bộ {{UNIT_NAME}}; câu trả lời sẽ được đăng tại <a href="{{QA_URL}}">trang Hỏi đáp</a> và gửi đến thư điện tử của bạn.</p>{{/DONE}}
</section>
