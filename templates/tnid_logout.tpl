{{%AUTOESCAPE context="HTML"}}
{{!
  After signing out of a session opened through Thái Nguyên ID (BODY of
  layout.tpl): the link to the provider's own sign-out.
  Keys: LOGOUT_URL (the provider's end_session_endpoint with
  id_token_hint and our post-logout address).
}}
<section class="panel narrow" aria-labelledby="tieu-de-trang">
  <h1 id="tieu-de-trang">Bạn đã đăng xuất khỏi cổng</h1>
  <p>Bạn vẫn còn đăng nhập tại Thái Nguyên ID. Trên máy dùng chung, hãy đăng xuất cả khỏi Thái Nguyên ID.</p>
  <ul class="form-links">
    <li><a class="button" href="{{LOGOUT_URL}}">Đăng xuất khỏi Thái Nguyên ID</a></li>
    <li><a href="/">Về trang chủ</a></li>
  </ul>
</section>
