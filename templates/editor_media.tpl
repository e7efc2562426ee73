{{%AUTOESCAPE context="HTML"}}
{{!
  Insert an image or a PDF into an article's body,
  /bien-tap/bai-viet/{id}/tep (BODY of layout.tpl): the upload form, and
  after an upload the Markdown to paste into the body.
  Keys: CSRF, TITLE, EDIT_URL, ACTION_URL, VAL_ALT, SNIPPET (section:
  MD), ERR_FILE, ERR_ALT (sections: MESSAGE).
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/">Biên tập tin bài</a></li>
    <li><a href="{{EDIT_URL}}">{{TITLE}}</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>Chèn ảnh hoặc tệp PDF</h1>
</div>
{{>FORM_ERROR}}
{{#SNIPPET}}
<section class="panel" aria-labelledby="da-tai-len">
  <h2 id="da-tai-len">Đã tải lên</h2>
  <p>Sao chép dòng dưới đây và dán vào nội dung bài, ở chỗ muốn hiện ảnh hoặc liên kết:</p>
  <pre><code class="md-snippet">{{MD}}</code></pre>
  <p><a href="{{EDIT_URL}}">Quay lại sửa bài</a></p>
</section>
{{/SNIPPET}}
<section class="panel" aria-labelledby="tai-len">
  <h2 id="tai-len">Tải lên</h2>
  <form class="form" method="post" action="{{ACTION_URL}}" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_FILE}} field-invalid{{/ERR_FILE}}">
      <label for="tep-chen">Tệp ảnh (JPEG, PNG, WebP) hoặc PDF</label>
      {{#ERR_FILE}}<p class="field-error" id="loi-tep-chen"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_FILE}}
      <input type="file" id="tep-chen" name="tep_chen" accept="image/jpeg,image/png,image/webp,application/pdf"{{#ERR_FILE}} aria-invalid="true" aria-describedby="loi-tep-chen"{{/ERR_FILE}}>
    </div>
    <div class="field{{#ERR_ALT}} field-invalid{{/ERR_ALT}}">
      <label for="mo-ta-anh">Mô tả ảnh (văn bản thay thế; bắt buộc với ảnh)</label>
      {{#ERR_ALT}}<p class="field-error" id="loi-mo-ta-anh"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_ALT}}
      <input type="text" id="mo-ta-anh" class="input-wide" name="mo_ta_anh" value="{{VAL_ALT}}"{{#ERR_ALT}} aria-invalid="true" aria-describedby="loi-mo-ta-anh"{{/ERR_ALT}}>
    </div>
    <div class="actions">
      <button type="submit" class="button">Tải lên</button>
      <a href="{{EDIT_URL}}">Quay lại sửa bài</a>
    </div>
  </form>
</section>
