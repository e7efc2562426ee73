{{%AUTOESCAPE context="HTML"}}
{{!
  Counter intake, /mot-cua/tiep-nhan (BODY of layout.tpl; h/h_intake.c):
  staff register a walk-in application, received at once, then print its
  receipt (Mẫu 01).
  Keys: one of
  CHOOSE (the first step, GET: UNIT_OPTION[] { ID, LABEL, SELECTED
  (section) }, VAL_PROC, ERR_UNIT, ERR_PROC (sections:
  MESSAGE)) and
  FORM (the whole form, POST multipart/form-data: UNIT_OPTION[] as in
  CHOOSE, IDEM, PROC_CODE,
  PROC_NAME, DAYS (section: N), VAL_PHONE, VAL_FULL_NAME, VAL_EMAIL,
  VAL_NOTE, LIMITS, FILES_AGAIN (section), ERR_UNIT, ERR_PHONE,
  ERR_FULL_NAME, ERR_EMAIL, ERR_NOTE (sections: MESSAGE), DOC[] { NAME,
  PARAM (tep_<n>), IDS, ERR (section: MESSAGE) }).
  Fields posted: csrf, khoa_nop, don_vi, thu_tuc, dien_thoai, ho_ten,
  email, ghi_chu, tep_<n> (files).
  The applicant's data is someone else's: autocomplete is off.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/mot-cua/">Bộ phận một cửa</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>Tiếp nhận hồ sơ trực tiếp</h1>
  <p class="page-lead">Đăng ký hồ sơ người dân nộp tại bộ phận một cửa: hồ sơ được tiếp nhận ngay, giấy tờ được số hóa, và giấy tiếp nhận hồ sơ (Mẫu 01) được in cho người nộp.</p>
</div>
{{>FORM_ERROR}}
{{#CHOOSE}}
<section class="panel medium" aria-labelledby="buoc-1">
  <h2 id="buoc-1">Bước 1: đơn vị và thủ tục</h2>
  <form class="form" method="get" action="/mot-cua/tiep-nhan" novalidate>
    <div class="field{{#ERR_UNIT}} field-invalid{{/ERR_UNIT}}">
      <label for="don-vi">Đơn vị tiếp nhận <span class="req">(bắt buộc)</span></label>
      {{#ERR_UNIT}}<p class="field-error" id="loi-don-vi"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_UNIT}}
      <select id="don-vi" name="don_vi" required{{#ERR_UNIT}} aria-invalid="true" aria-describedby="loi-don-vi"{{/ERR_UNIT}}>
        {{#UNIT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/UNIT_OPTION}}
      </select>
    </div>
    <div class="field{{#ERR_PROC}} field-invalid{{/ERR_PROC}}">
      <label for="thu-tuc">Mã thủ tục <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-thu-tuc">Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193; tra cứu tại <a href="/thu-tuc">danh mục thủ tục</a>.</p>
      {{#ERR_PROC}}<p class="field-error" id="loi-thu-tuc"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PROC}}
      <input type="text" id="thu-tuc" class="input-short" name="thu_tuc" value="{{VAL_PROC}}" autocomplete="off" spellcheck="false" required aria-describedby="goi-y-thu-tuc{{#ERR_PROC}} loi-thu-tuc{{/ERR_PROC}}"{{#ERR_PROC}} aria-invalid="true"{{/ERR_PROC}}>
    </div>
    <div class="actions">
      <button type="submit" class="button">Tiếp tục</button>
    </div>
  </form>
</section>
{{/CHOOSE}}
{{#FORM}}
<section class="panel" aria-labelledby="buoc-2">
  <h2 id="buoc-2">Bước 2: người nộp và giấy tờ</h2>
  <p>Thủ tục: <strong>{{PROC_NAME}}</strong> (mã {{PROC_CODE}}){{#DAYS}}; thời hạn giải quyết {{N}} ngày làm việc{{/DAYS}}. <a href="/mot-cua/tiep-nhan">Chọn thủ tục khác</a></p>
  <form class="form" method="post" action="/mot-cua/tiep-nhan" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="khoa_nop" value="{{IDEM}}">
    <input type="hidden" name="thu_tuc" value="{{PROC_CODE}}">
    <div class="field{{#ERR_UNIT}} field-invalid{{/ERR_UNIT}}">
      <label for="don-vi">Đơn vị tiếp nhận <span class="req">(bắt buộc)</span></label>
      {{#ERR_UNIT}}<p class="field-error" id="loi-don-vi"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_UNIT}}
      <select id="don-vi" name="don_vi" required{{#ERR_UNIT}} aria-invalid="true" aria-describedby="loi-don-vi"{{/ERR_UNIT}}>
        {{#UNIT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/UNIT_OPTION}}
      </select>
    </div>
    <fieldset class="field-group">
      <legend>Người nộp hồ sơ</legend>
      <div class="field{{#ERR_PHONE}} field-invalid{{/ERR_PHONE}}">
        <label for="dien-thoai">Số điện thoại di động <span class="req">(bắt buộc)</span></label>
        <p class="hint" id="goi-y-dien-thoai">Hồ sơ thuộc tài khoản có số điện thoại này; chưa có thì một tài khoản mới được tạo (người dân đặt mật khẩu bằng chức năng “Quên mật khẩu” sau khi xác nhận thư điện tử).</p>
        {{#ERR_PHONE}}<p class="field-error" id="loi-dien-thoai"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PHONE}}
        <input type="tel" id="dien-thoai" class="input-short" name="dien_thoai" value="{{VAL_PHONE}}" autocomplete="off" required aria-describedby="goi-y-dien-thoai{{#ERR_PHONE}} loi-dien-thoai{{/ERR_PHONE}}"{{#ERR_PHONE}} aria-invalid="true"{{/ERR_PHONE}}>
      </div>
      <div class="field{{#ERR_FULL_NAME}} field-invalid{{/ERR_FULL_NAME}}">
        <label for="ho-ten">Họ và tên <span class="req">(bắt buộc)</span></label>
        {{#ERR_FULL_NAME}}<p class="field-error" id="loi-ho-ten"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_FULL_NAME}}
        <input type="text" id="ho-ten" name="ho_ten" value="{{VAL_FULL_NAME}}" autocomplete="off" autocapitalize="words" spellcheck="false" required{{#ERR_FULL_NAME}} aria-invalid="true" aria-describedby="loi-ho-ten"{{/ERR_FULL_NAME}}>
      </div>
      <div class="field{{#ERR_EMAIL}} field-invalid{{/ERR_EMAIL}}">
        <label for="email">Thư điện tử</label>
        <p class="hint" id="goi-y-email">Không bắt buộc; chỉ dùng khi tạo tài khoản mới, để người dân nhận thông báo và tự đặt mật khẩu.</p>
        {{#ERR_EMAIL}}<p class="field-error" id="loi-email"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EMAIL}}
        <input type="email" id="email" name="email" value="{{VAL_EMAIL}}" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="goi-y-email{{#ERR_EMAIL}} loi-email{{/ERR_EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true"{{/ERR_EMAIL}}>
      </div>
    </fieldset>
    <fieldset class="field-group">
      <legend>Giấy tờ đã số hóa</legend>
      <p class="form-note" id="gioi-han-giay-to">Quét hoặc chụp từng giấy tờ người dân nộp và tải lên đúng mục. {{LIMITS}}</p>
      {{#FILES_AGAIN}}<p class="notice" role="status">Biểu mẫu còn lỗi nên các tệp vừa chọn chưa được lưu: vui lòng chọn lại sau khi sửa các mục được đánh dấu.</p>{{/FILES_AGAIN}}
      {{#DOC}}
      <div class="field{{#ERR}} field-invalid{{/ERR}}">
        <label for="{{PARAM}}">{{NAME}}</label>
        {{#ERR}}<p class="field-error" id="loi-{{PARAM}}"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR}}
        <input type="file" id="{{PARAM}}" name="{{PARAM}}" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby="{{IDS}}"{{#ERR}} aria-invalid="true"{{/ERR}}>
      </div>
      {{/DOC}}
    </fieldset>
    <div class="field{{#ERR_NOTE}} field-invalid{{/ERR_NOTE}}">
      <label for="ghi-chu">Ghi chú khi tiếp nhận</label>
      <p class="hint" id="goi-y-ghi-chu">Không bắt buộc; tối đa 1.000 ký tự. Ghi vào quá trình xử lý của hồ sơ, người nộp cũng xem được.</p>
      {{#ERR_NOTE}}<p class="field-error" id="loi-ghi-chu"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_NOTE}}
      <textarea id="ghi-chu" name="ghi_chu" rows="3" aria-describedby="goi-y-ghi-chu{{#ERR_NOTE}} loi-ghi-chu{{/ERR_NOTE}}"{{#ERR_NOTE}} aria-invalid="true"{{/ERR_NOTE}}>{{VAL_NOTE}}</textarea>
    </div>
    <div class="actions">
      <button type="submit" class="button">Tiếp nhận và in giấy tiếp nhận</button>
      <a href="/mot-cua/">Huỷ</a>
    </div>
  </form>
</section>
{{/FORM}}
