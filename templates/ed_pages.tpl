{{%AUTOESCAPE context="HTML"}}
{{!
  The editor's introduction pages of a unit, /bien-tap/gioi-thieu (BODY of
  layout.tpl).  Keys: the unit chooser (ed_content.tpl), PAGE_ITEM[] {
  TITLE, URL }; the new page's form: CSRF, ACTION_URL, FORM_ERROR, VAL_*
  and ERR_* of duong_dan, tieu_de, thu_tu, noi_dung.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/noi-dung?don_vi={{UNIT_ID}}">Nội dung trang đơn vị</a></li>
  </ol>
</nav>
<h1>Trang giới thiệu của {{UNIT_NAME}}</h1>
{{#UNIT_PICK}}
<form class="filters" method="get" action="{{PATH}}">
  <div class="field">
    <label for="chon-don-vi">Đơn vị</label>
    <select id="chon-don-vi" name="don_vi">
      {{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}
    </select>
  </div>
  <div class="actions"><button type="submit" class="button button-secondary">Chọn đơn vị</button></div>
</form>
{{/UNIT_PICK}}
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
<ul class="link-list">
  {{#PAGE_ITEM}}<li><a href="{{URL}}">{{TITLE}}</a></li>{{/PAGE_ITEM}}
</ul>
<p><a href="/don-vi/{{UNIT_SLUG}}/gioi-thieu">Xem trên trang công khai</a></p>
<section class="panel" aria-labelledby="them-trang">
  <h2 id="them-trang">Thêm trang</h2>
  {{>FORM_ERROR}}
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
    <div class="actions"><button type="submit" class="button">Thêm trang</button></div>
  </form>
</section>
