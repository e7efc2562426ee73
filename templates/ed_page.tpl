{{%AUTOESCAPE context="HTML"}}
{{!
  One introduction page's form, /bien-tap/gioi-thieu/{id} (BODY of
  layout.tpl).  Keys: CSRF, ACTION_URL, BACK_URL, PUBLIC_URL, NOTICE,
  FORM_ERROR, VAL_* and ERR_* as ed_pages.tpl.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol><li><a href="{{BACK_URL}}">Trang giới thiệu</a></li></ol>
</nav>
<h1>Sửa trang giới thiệu</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
<p><a href="{{PUBLIC_URL}}">Xem trên trang công khai</a></p>
{{>FORM_ERROR}}
<section class="panel" aria-labelledby="sua-trang">
  <h2 id="sua-trang" class="visually-hidden">Nội dung trang</h2>
  <form class="form" method="post" action="{{ACTION_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_SLUG}} field-invalid{{/ERR_SLUG}}">
      <label for="duong-dan">Đường dẫn (chữ thường không dấu, gạch ngang) <span class=req>(bắt buộc)</span></label>
      {{#ERR_SLUG}}<p class="field-error" id="loi-duong-dan"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_SLUG}}
      <input type="text" id="duong-dan" name="duong_dan" value="{{VAL_SLUG}}" class="input-wide" required{{#ERR_SLUG}} aria-invalid="true" aria-describedby="loi-duong-dan"{{/ERR_SLUG}}>
    </div>
    <div class="field{{#ERR_TITLE}} field-invalid{{/ERR_TITLE}}">
      <label for="tieu-de">Tiêu đề <span class=req>(bắt buộc)</span></label>
      {{#ERR_TITLE}}<p class="field-error" id="loi-tieu-de"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input type="text" id="tieu-de" name="tieu_de" value="{{VAL_TITLE}}" class="input-wide" required{{#ERR_TITLE}} aria-invalid="true" aria-describedby="loi-tieu-de"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_POSITION}} field-invalid{{/ERR_POSITION}}">
      <label for="thu-tu">Thứ tự</label>
      {{#ERR_POSITION}}<p class="field-error" id="loi-thu-tu"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_POSITION}}
      <input type="number" id="thu-tu" name="thu_tu" value="{{VAL_POSITION}}" class="input-wide"{{#ERR_POSITION}} aria-invalid="true" aria-describedby="loi-thu-tu"{{/ERR_POSITION}}>
    </div>
    <div class="field{{#ERR_BODY}} field-invalid{{/ERR_BODY}}">
      <label for="noi-dung">Nội dung <span class=req>(bắt buộc)</span></label>
      <p class="hint" id="goi-y-noi-dung">Viết bằng Markdown: ## tiêu đề mục, - gạch đầu dòng, **chữ đậm**, [liên kết](https://...). Mã HTML không được hiển thị.</p>
      {{#ERR_BODY}}<p class="field-error" id="loi-noi-dung"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_BODY}}
      <textarea id="noi-dung" name="noi_dung" rows="15" required aria-describedby="goi-y-noi-dung{{#ERR_BODY}} loi-noi-dung{{/ERR_BODY}}"{{#ERR_BODY}} aria-invalid="true"{{/ERR_BODY}}>{{VAL_BODY}}</textarea>
    </div>
    <div class="actions"><button type="submit" class="button">Lưu</button> <a href="{{BACK_URL}}">Quay lại</a></div>
  </form>
</section>
