{{%AUTOESCAPE context="HTML"}}
{{!
  Error page (BODY of layout.tpl).
  Keys: STATUS, ERROR_TITLE, ERROR_MESSAGE, RID (section: REQUEST_ID;
  absent from the pages nginx serves as files, made by
  `portalctl error-pages`).
}}
<section class="error-page" aria-labelledby="tieu-de-loi">
  <p class="error-status">Lỗi {{STATUS}}</p>
  <h1 id="tieu-de-loi">{{ERROR_TITLE}}</h1>
  <p class="error-message">{{ERROR_MESSAGE}}</p>
  <ul class="error-links">
    <li><a class="button" href="/">Về trang chủ</a></li>
  </ul>
  {{#RID}}<p class="request-id"><small>Mã yêu cầu: <code>{{REQUEST_ID}}</code></small></p>{{/RID}}
</section>
