{{%AUTOESCAPE context="HTML"}}
{{!
  Write or edit an article, /bien-tap/bai-viet/moi and
  /bien-tap/bai-viet/{id} (BODY of layout.tpl).
  Keys: CSRF, ACTION_URL (form target), NOTICE, FORM_ERROR (sections:
  MESSAGE; FORM_ERROR also shown whenever an ERR_* is),
  VAL_TITLE, VAL_SUMMARY, VAL_BODY, ERR_UNIT (optional), ERR_TITLE,
  ERR_SUMMARY, ERR_BODY (sections: MESSAGE).
  Show exactly one of:
    IS_NEW (section): unit chooser, UNIT_OPTION[] { VALUE, LABEL,
      SELECTED (section) };
    NOT_NEW (section: STATUS_LABEL, UNIT_NAME).
  PUBLISHED (section: PUBLIC_URL): link to the public page.
  Fields posted: csrf, don_vi (new only), tieu_de, tom_tat, noi_dung,
  hanh_dong = "luu" | "dang".
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/">Biên tập tin bài</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>{{#IS_NEW}}Viết bài mới{{/IS_NEW}}{{#NOT_NEW}}Sửa bài viết{{/NOT_NEW}}</h1>
</div>
{{>FORM_ERROR}}
<section class="panel" aria-labelledby="bai-viet">
  <h2 id="bai-viet" class="visually-hidden">Nội dung bài viết</h2>
  {{#NOT_NEW}}
  <dl class="facts">
    <dt>Đơn vị</dt>
    <dd>{{UNIT_NAME}}</dd>
    <dt>Trạng thái</dt>
    <dd>{{STATUS_LABEL}}</dd>
  </dl>
  {{/NOT_NEW}}
  {{#PUBLISHED}}
  <p><a href="{{PUBLIC_URL}}">Xem bài trên trang công khai</a></p>
  {{/PUBLISHED}}
  <form class="form" method="post" action="{{ACTION_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    {{#IS_NEW}}
    <div class="field{{#ERR_UNIT}} field-invalid{{/ERR_UNIT}}">
      <label for="don-vi">Đơn vị đăng bài <span class="req">(bắt buộc)</span></label>
      {{#ERR_UNIT}}<p class="field-error" id="loi-don-vi"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_UNIT}}
      <select id="don-vi" name="don_vi" required{{#ERR_UNIT}} aria-invalid="true" aria-describedby="loi-don-vi"{{/ERR_UNIT}}>
        {{#UNIT_OPTION}}
        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/UNIT_OPTION}}
      </select>
    </div>
    {{/IS_NEW}}
    <div class="field{{#ERR_TITLE}} field-invalid{{/ERR_TITLE}}">
      <label for="tieu-de">Tiêu đề <span class="req">(bắt buộc)</span></label>
      {{#ERR_TITLE}}<p class="field-error" id="loi-tieu-de"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input type="text" id="tieu-de" class="input-wide" name="tieu_de" value="{{VAL_TITLE}}" autocomplete="off" required{{#ERR_TITLE}} aria-invalid="true" aria-describedby="loi-tieu-de"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_SUMMARY}} field-invalid{{/ERR_SUMMARY}}">
      <label for="tom-tat">Tóm tắt</label>
      <p class="hint" id="goi-y-tom-tat">Không bắt buộc; tối đa 1.000 ký tự. Một hai câu, hiện trong danh sách tin và ở đầu bài viết.</p>
      {{#ERR_SUMMARY}}<p class="field-error" id="loi-tom-tat"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_SUMMARY}}
      <textarea id="tom-tat" name="tom_tat" rows="3" aria-describedby="goi-y-tom-tat{{#ERR_SUMMARY}} loi-tom-tat{{/ERR_SUMMARY}}"{{#ERR_SUMMARY}} aria-invalid="true"{{/ERR_SUMMARY}}>{{VAL_SUMMARY}}</textarea>
    </div>
    <div class="field{{#ERR_BODY}} field-invalid{{/ERR_BODY}}">
      <label for="noi-dung-bai">Nội dung <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-noi-dung">Mỗi đoạn văn cách nhau một dòng trống.</p>
      {{#ERR_BODY}}<p class="field-error" id="loi-noi-dung"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_BODY}}
      <textarea id="noi-dung-bai" name="noi_dung" rows="15" required aria-describedby="goi-y-noi-dung{{#ERR_BODY}} loi-noi-dung{{/ERR_BODY}}"{{#ERR_BODY}} aria-invalid="true"{{/ERR_BODY}}>{{VAL_BODY}}</textarea>
    </div>
    <div class="actions">
      <button type="submit" class="button button-secondary" name="hanh_dong" value="luu">Lưu nháp</button>
      <button type="submit" class="button" name="hanh_dong" value="dang">Đăng bài</button>
      <a href="/bien-tap/">Quay lại danh sách</a>
    </div>
  </form>
</section>
