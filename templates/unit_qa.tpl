{{%AUTOESCAPE context="HTML"}}
{{!
  Questions and answers of a unit, /don-vi/{unit}/hoi-dap (BODY of
  layout.tpl).
  Keys: UNIT_NAV (include), UNIT_SLUG, QA[] { ID, TITLE, ASKER, ASKED, QUESTION
  (plain text), ANSWER (Markdown), ANSWERED }, NO_QA, TOTAL, PAGE, PAGES,
  PREV, NEXT (sections: URL); the form: CSRF, FORM_ERROR, SIGNED_IN
  (section; USER_NAME), ANONYMOUS (section), VAL_TITLE, VAL_BODY, VAL_NAME,
  VAL_EMAIL, ERR_TITLE, ERR_BODY, ERR_NAME, ERR_EMAIL (sections: MESSAGE),
  SENT, SENT_CONFIRM (sections: the question was stored).
  Fields posted: csrf, tieu_de, noi_dung, ho_ten, email.
}}
{{>UNIT_NAV}}
<h1>Hỏi đáp</h1>
<section aria-labelledby="cau-hoi-da-tra-loi">
  <h2 id="cau-hoi-da-tra-loi">Câu hỏi đã được trả lời</h2>
  {{#NO_QA}}<p class="empty">Chưa có câu hỏi nào được trả lời.</p>{{/NO_QA}}
  {{#QA}}
  <article class="qa" id="hoi-{{ID}}">
    <h3>{{TITLE}}</h3>
    <p class="news-meta">Người hỏi: {{ASKER}}, ngày {{ASKED}}</p>
    <p class="prewrap">{{QUESTION}}</p>
    <h4>Trả lời (ngày {{ANSWERED}})</h4>
    <div class="prose">
      {{ANSWER:x-markdown}}
    </div>
  </article>
  {{/QA}}
  <nav class="pagination" aria-label="Phân trang">
    <ul>
      {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
      {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
    </ul>
  </nav>
</section>
<section class="panel" aria-labelledby="gui-cau-hoi">
  <h2 id="gui-cau-hoi">Gửi câu hỏi</h2>
  {{#SENT}}<p class="notice" role="status">Đã gửi câu hỏi. Cán bộ sẽ trả lời và đăng câu trả lời tại trang này; nếu tài khoản của bạn có thư điện tử đã xác nhận, bạn sẽ nhận thư báo.</p>{{/SENT}}
  {{#SENT_CONFIRM}}<p class="notice" role="status">Chúng tôi đã gửi thư có đường dẫn xác nhận đến địa chỉ bạn khai báo. Câu hỏi chỉ được chuyển đến cán bộ sau khi bạn mở đường dẫn đó (trong vòng 24 giờ) và bấm xác nhận.</p>{{/SENT_CONFIRM}}
  {{>FORM_ERROR}}
  <form class="form" method="post" action="/don-vi/{{UNIT_SLUG}}/hoi-dap" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#SIGNED_IN}}<p>Bạn gửi câu hỏi với tên <strong>{{USER_NAME}}</strong>.</p>{{/SIGNED_IN}}
    {{#ANONYMOUS}}
    <p class="hint">Bạn có thể <a href="/dang-nhap?tiep=/don-vi/{{UNIT_SLUG}}/hoi-dap">đăng nhập</a> để gửi câu hỏi ngay, hoặc khai báo họ tên và thư điện tử: câu hỏi được chuyển đi sau khi bạn xác nhận qua thư.</p>
    <div class="field{{#ERR_NAME}} field-invalid{{/ERR_NAME}}">
      <label for="ho-ten">Họ và tên <span class="req">(bắt buộc)</span></label>
      {{#ERR_NAME}}<p class="field-error" id="loi-ho-ten"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_NAME}}
      <input type="text" id="ho-ten" name="ho_ten" value="{{VAL_NAME}}" autocomplete="name" required{{#ERR_NAME}} aria-invalid="true" aria-describedby="loi-ho-ten"{{/ERR_NAME}}>
    </div>
    <div class="field{{#ERR_EMAIL}} field-invalid{{/ERR_EMAIL}}">
      <label for="email">Thư điện tử <span class="req">(bắt buộc)</span></label>
      {{#ERR_EMAIL}}<p class="field-error" id="loi-email"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EMAIL}}
      <input type="email" id="email" name="email" value="{{VAL_EMAIL}}" autocomplete="email" autocapitalize="none" spellcheck="false" required{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="loi-email"{{/ERR_EMAIL}}>
    </div>
    {{/ANONYMOUS}}
    <div class="field{{#ERR_TITLE}} field-invalid{{/ERR_TITLE}}">
      <label for="tieu-de">Tiêu đề <span class="req">(bắt buộc)</span></label>
      {{#ERR_TITLE}}<p class="field-error" id="loi-tieu-de"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input type="text" id="tieu-de" class="input-wide" name="tieu_de" value="{{VAL_TITLE}}" required{{#ERR_TITLE}} aria-invalid="true" aria-describedby="loi-tieu-de"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_BODY}} field-invalid{{/ERR_BODY}}">
      <label for="noi-dung">Nội dung câu hỏi <span class="req">(bắt buộc)</span></label>
      {{#ERR_BODY}}<p class="field-error" id="loi-noi-dung"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_BODY}}
      <textarea id="noi-dung" name="noi_dung" rows="6" required{{#ERR_BODY}} aria-invalid="true" aria-describedby="loi-noi-dung"{{/ERR_BODY}}>{{VAL_BODY}}</textarea>
    </div>
    <div class="actions"><button type="submit" class="button">Gửi câu hỏi</button></div>
  </form>
</section>
