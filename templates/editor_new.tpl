{{%AUTOESCAPE context="HTML"}}
{{!
  A new draft, /bien-tap/bai-viet/moi (BODY of layout.tpl); after it is
  saved, its own page (editor_edit.tpl) has the rest.
  Keys: CSRF, UNIT_OPTION[] { VALUE, LABEL, SELECTED (section) },
  KIND_NEWS, KIND_ANNOUNCEMENT (sections: which is checked), VAL_TITLE,
  VAL_SUMMARY, VAL_BODY, ERR_UNIT, ERR_TITLE, ERR_SUMMARY, ERR_BODY
  (sections: MESSAGE).
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/">Biên tập tin bài</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>Viết bài mới</h1>
  <p class="page-lead">Bài được lưu thành bản nháp; sau đó bạn thêm chuyên mục, ảnh đại diện, xem trước và gửi duyệt.</p>
</div>
{{>FORM_ERROR}}
<section class="panel" aria-labelledby="bai-viet">
  <h2 id="bai-viet" class="visually-hidden">Nội dung bài viết</h2>
  <form class="form" method="post" action="/bien-tap/bai-viet/moi" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="hanh_dong" value="luu">
    <div class="field{{#ERR_UNIT}} field-invalid{{/ERR_UNIT}}">
      <label for="don-vi">Đơn vị đăng bài <span class="req">(bắt buộc)</span></label>
      {{#ERR_UNIT}}<p class="field-error" id="loi-don-vi"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_UNIT}}
      <select id="don-vi" name="don_vi" required{{#ERR_UNIT}} aria-invalid="true" aria-describedby="loi-don-vi"{{/ERR_UNIT}}>
        {{#UNIT_OPTION}}
        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/UNIT_OPTION}}
      </select>
    </div>
    <fieldset class="field">
      <legend>Loại bài</legend>
      <label><input type="radio" name="loai" value="news"{{#KIND_NEWS}} checked{{/KIND_NEWS}}> Tin tức</label>
      <label><input type="radio" name="loai" value="announcement"{{#KIND_ANNOUNCEMENT}} checked{{/KIND_ANNOUNCEMENT}}> Thông báo</label>
    </fieldset>
    <div class="field{{#ERR_TITLE}} field-invalid{{/ERR_TITLE}}">
      <label for="tieu-de">Tiêu đề <span class="req">(bắt buộc)</span></label>
      {{#ERR_TITLE}}<p class="field-error" id="loi-tieu-de"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input type="text" id="tieu-de" class="input-wide" name="tieu_de" value="{{VAL_TITLE}}" autocomplete="off" required{{#ERR_TITLE}} aria-invalid="true" aria-describedby="loi-tieu-de"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_SUMMARY}} field-invalid{{/ERR_SUMMARY}}">
      <label for="tom-tat">Tóm tắt</label>
      <p class="hint" id="goi-y-tom-tat">Không bắt buộc; tối đa 1.000 ký tự.</p>
      {{#ERR_SUMMARY}}<p class="field-error" id="loi-tom-tat"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_SUMMARY}}
      <textarea id="tom-tat" name="tom_tat" rows="3" aria-describedby="goi-y-tom-tat{{#ERR_SUMMARY}} loi-tom-tat{{/ERR_SUMMARY}}"{{#ERR_SUMMARY}} aria-invalid="true"{{/ERR_SUMMARY}}>{{VAL_SUMMARY}}</textarea>
    </div>
    <div class="field{{#ERR_BODY}} field-invalid{{/ERR_BODY}}">
      <label for="noi-dung-bai">Nội dung <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-noi-dung">Viết bằng Markdown: một dòng trống giữa hai đoạn, **đậm**, *nghiêng*, ## tiêu đề mục, - danh sách, [chữ](https://địa-chỉ).</p>
      {{#ERR_BODY}}<p class="field-error" id="loi-noi-dung"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_BODY}}
      <textarea id="noi-dung-bai" name="noi_dung" rows="15" required aria-describedby="goi-y-noi-dung{{#ERR_BODY}} loi-noi-dung{{/ERR_BODY}}"{{#ERR_BODY}} aria-invalid="true"{{/ERR_BODY}}>{{VAL_BODY}}</textarea>
    </div>
    <div class="actions">
      <button type="submit" class="button">Lưu bản nháp</button>
      <a href="/bien-tap/">Quay lại danh sách</a>
    </div>
  </form>
</section>
