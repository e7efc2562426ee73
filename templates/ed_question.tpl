{{%AUTOESCAPE context="HTML"}}
{{!
  One question and its answer, /bien-tap/hoi-dap/{id} (BODY of layout.tpl).
  Keys: CSRF, ACTION_URL, BACK_URL, NOTICE, FORM_ERROR, TITLE, ASKER, ASKED,
  QUESTION, STATUS, UNIT_NAME, PUBLISHED (section: URL), VAL_ANSWER,
  ERR_ANSWER.  hanh_dong = luu | dang | an.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol><li><a href="{{BACK_URL}}">Hỏi đáp</a></li></ol>
</nav>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
<dl class="facts">
  <dt>Đơn vị</dt><dd>{{UNIT_NAME}}</dd>
  <dt>Người hỏi</dt><dd>{{ASKER}}</dd>
  <dt>Gửi lúc</dt><dd>{{ASKED}}</dd>
  <dt>Trạng thái</dt><dd>{{STATUS}}</dd>
</dl>
{{#PUBLISHED}}<p><a href="{{URL}}">Xem trên trang công khai</a></p>{{/PUBLISHED}}
<h2>Câu hỏi</h2>
<p class="prewrap">{{QUESTION}}</p>
{{>FORM_ERROR}}
<section class="panel" aria-labelledby="tra-loi">
  <h2 id="tra-loi">Trả lời</h2>
  <form class="form" method="post" action="{{ACTION_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_ANSWER}} field-invalid{{/ERR_ANSWER}}">
      <label for="cau-tra-loi">Câu trả lời <span class=req>(bắt buộc)</span></label>
      <p class="hint" id="goi-y-cau-tra-loi">Viết bằng Markdown; mã HTML không được hiển thị.</p>
      {{#ERR_ANSWER}}<p class="field-error" id="loi-cau-tra-loi"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_ANSWER}}
      <textarea id="cau-tra-loi" name="noi_dung" rows="10" required aria-describedby="goi-y-cau-tra-loi{{#ERR_ANSWER}} loi-cau-tra-loi{{/ERR_ANSWER}}"{{#ERR_ANSWER}} aria-invalid="true"{{/ERR_ANSWER}}>{{VAL_ANSWER}}</textarea>
    </div>
    <div class="actions">
      <button type="submit" class="button button-secondary" name="hanh_dong" value="luu">Lưu câu trả lời</button>
      <button type="submit" class="button" name="hanh_dong" value="dang">Đăng</button>
      <button type="submit" class="button button-secondary" name="hanh_dong" value="an">Ẩn khỏi trang công khai</button>
      <a href="{{BACK_URL}}">Quay lại</a>
    </div>
  </form>
</section>
