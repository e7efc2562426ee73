{{%AUTOESCAPE context="HTML"}}
{{!
  Apply online, /thu-tuc/{code}/nop (BODY of layout.tpl): the procedure's
  e-form, built from its definition.
  Keys: CSRF, PROC_NAME, PROC_CODE, ACTION_URL, IDEM (the one-time key),
  CUTOFF ("15:00"), DAYS (section: N, working days), IS_DRAFT (section),
  FORM_ERROR, ERR_UNIT (section: MESSAGE),
  UNIT_OPTION[] { ID, LABEL, SELECTED (section) },
  GROUP[] { LEGEND, FIELD[] { PARAM (name and id of the input), LABEL,
    REQUIRED (section), HELP (section: TEXT), ERR (section: MESSAGE),
    DESC (section: IDS, the ids of the help and error texts),
    exactly one of IS_CHOICE { OPTION[] { VALUE, SELECTED } } and
    IS_INPUT { TYPE, VALUE, INPUTMODE (section: MODE) },
    IS_ADDRESS (section, after IS_INPUT: UNIT_PARAM,
    UNIT_OPTION[] { CODE, LABEL, SELECTED }) } },
  HAS_DOCS (section), LIMITS (the upload limits, a sentence),
  FILES_NOTE (section: TEXT, what became of the files sent with errors),
  DOC[] { NAME, COUNT, CERTIFIED or ORIGINAL, REQUIRED or OPTIONAL
  (sections), PARAM (the file input, tep_<n>), IDS (its aria-describedby),
  ERR (section: MESSAGE), FILE[] { ID, NAME, SIZE, CHECKED (section) }:
  the draft's files }.
  Fields posted (multipart/form-data): csrf, khoa_nop, don_vi, tk_<name>,
  dv_<name>, tep_<n> (files), bo_tep (ids of the draft's files to drop),
  hanh_dong = "luu-nhap" | "nop"; in ASSIST: sdt_nguoi_dan,
  dong_y_nop_ho = "co".
  ASSIST (section, members of the digital team only: UNITS (their
  units' names), PHONE, CONSENT (section: checked), RESIDENT (section:
  NAME), NO_ACCOUNT (section), ERR_PHONE, ERR_CONSENT (sections:
  MESSAGE)).
}}
<div class="page-head">
  <h1>Nộp hồ sơ trực tuyến</h1>
  <p class="page-lead">{{PROC_NAME}} <span class="unit-code">(mã thủ tục {{PROC_CODE}})</span></p>
</div>
{{>FORM_ERROR}}
<section class="panel" aria-labelledby="to-khai">
  <h2 id="to-khai">Tờ khai</h2>
  <p class="form-note">Các mục có ghi <span class="req">(bắt buộc)</span> phải điền trước khi nộp. Bạn có thể <strong>lưu nháp</strong> bất cứ lúc nào và quay lại nộp sau.{{#DAYS}} Thời hạn giải quyết: {{N}} ngày làm việc; hồ sơ nộp sau {{CUTOFF}} hoặc vào ngày nghỉ được tính từ ngày làm việc tiếp theo.{{/DAYS}}</p>
  {{#IS_DRAFT}}<p class="notice">Bạn đang tiếp tục một hồ sơ đã lưu nháp.</p>{{/IS_DRAFT}}
  <form class="form" method="post" action="{{ACTION_URL}}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="khoa_nop" value="{{IDEM}}">
    <div class="field{{#ERR_UNIT}} field-invalid{{/ERR_UNIT}}">
      <label for="don-vi">Nơi nộp hồ sơ (phường, xã) <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-don-vi">Bộ phận một cửa của phường, xã này tiếp nhận và trả kết quả.</p>
      {{#ERR_UNIT}}<p class="field-error" id="loi-don-vi"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_UNIT}}
      <select id="don-vi" name="don_vi" required aria-describedby="goi-y-don-vi{{#ERR_UNIT}} loi-don-vi{{/ERR_UNIT}}"{{#ERR_UNIT}} aria-invalid="true"{{/ERR_UNIT}}>
        <option value="">— Chọn phường, xã —</option>
        {{#UNIT_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/UNIT_OPTION}}
      </select>
    </div>
    {{#ASSIST}}
    <fieldset class="field-group">
      <legend>Nộp hộ người dân</legend>
      <p class="form-note">Dành cho tổ công nghệ số cộng đồng ({{UNITS}}): nộp thay người dân đang có mặt và đã có tài khoản trên cổng. Hồ sơ nộp hộ được nộp ngay (không lưu nháp), tại phường, xã của bạn, và ghi rõ tên bạn là người hỗ trợ. Các mục tờ khai bên dưới đang điền sẵn thông tin của bạn: hãy sửa theo thông tin của người dân. Nộp hồ sơ cho chính mình: để trống phần này.</p>
      <div class="field{{#ERR_PHONE}} field-invalid{{/ERR_PHONE}}">
        <label for="sdt-nguoi-dan">Số điện thoại tài khoản của người dân</label>
        <p class="hint" id="goi-y-sdt-nguoi-dan">Ví dụ 0912 345 678. Người dân chưa có tài khoản cần <a href="/dang-ky">đăng ký tài khoản</a> trước.</p>
        {{#ERR_PHONE}}<p class="field-error" id="loi-sdt-nguoi-dan"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PHONE}}
        {{#NO_ACCOUNT}}<p class="notice">Người dân đang có mặt có thể <a href="/dang-ky">đăng ký tài khoản</a> ngay bằng số điện thoại của mình, rồi quay lại nộp hộ.</p>{{/NO_ACCOUNT}}
        <input type="tel" id="sdt-nguoi-dan" name="sdt_nguoi_dan" value="{{PHONE}}" autocomplete="off" aria-describedby="goi-y-sdt-nguoi-dan{{#ERR_PHONE}} loi-sdt-nguoi-dan{{/ERR_PHONE}}"{{#ERR_PHONE}} aria-invalid="true"{{/ERR_PHONE}}>
        {{#RESIDENT}}<p class="hint">Người dân: <strong>{{NAME}}</strong></p>{{/RESIDENT}}
      </div>
      <div class="field field-check{{#ERR_CONSENT}} field-invalid{{/ERR_CONSENT}}">
        {{#ERR_CONSENT}}<p class="field-error" id="loi-dong-y-nop-ho"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_CONSENT}}
        <input type="checkbox" id="dong-y-nop-ho" name="dong_y_nop_ho" value="co"{{#CONSENT}} checked{{/CONSENT}}{{#ERR_CONSENT}} aria-invalid="true" aria-describedby="loi-dong-y-nop-ho"{{/ERR_CONSENT}}>
        <label for="dong-y-nop-ho">Người dân đồng ý để tổ công nghệ số nộp hồ sơ thay <span class="req">(bắt buộc khi nộp hộ)</span></label>
      </div>
    </fieldset>
    {{/ASSIST}}
    {{#GROUP}}
    <fieldset class="field-group">
      <legend>{{LEGEND}}</legend>
      {{#FIELD}}
      <div class="field{{#ERR}} field-invalid{{/ERR}}">
        <label for="{{PARAM}}">{{LABEL}}{{#REQUIRED}} <span class="req">(bắt buộc)</span>{{/REQUIRED}}</label>
        {{#HELP}}<p class="hint" id="goi-y-{{PARAM}}">{{TEXT}}</p>{{/HELP}}
        {{#ERR}}<p class="field-error" id="loi-{{PARAM}}"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR}}
        {{#IS_CHOICE}}<select id="{{PARAM}}" name="{{PARAM}}"{{#REQUIRED}} required{{/REQUIRED}} {{#DESC}}aria-describedby="{{IDS}}"{{/DESC}}{{#ERR}} aria-invalid="true"{{/ERR}}>
          <option value="">— Chọn —</option>
          {{#OPTION}}<option{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>
          {{/OPTION}}
        </select>{{/IS_CHOICE}}
        {{#IS_INPUT}}<input type="{{TYPE}}" id="{{PARAM}}" name="{{PARAM}}" value="{{VALUE}}"{{#INPUTMODE}} inputmode="{{MODE}}"{{/INPUTMODE}} autocomplete="off"{{#REQUIRED}} required{{/REQUIRED}}{{#DESC}} aria-describedby="{{IDS}}"{{/DESC}}{{#ERR}} aria-invalid="true"{{/ERR}}>{{/IS_INPUT}}
        {{#IS_ADDRESS}}
        <label class="sub-label" for="{{UNIT_PARAM}}">Phường, xã (nếu thuộc thành phố Phổ Yên)</label>
        <select id="{{UNIT_PARAM}}" name="{{UNIT_PARAM}}">
          <option value="">— Ngoài thành phố Phổ Yên (ghi rõ ở trên) —</option>
          {{#UNIT_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
          {{/UNIT_OPTION}}
        </select>
        {{/IS_ADDRESS}}
      </div>
      {{/FIELD}}
    </fieldset>
    {{/GROUP}}
    {{#HAS_DOCS}}
    <fieldset class="field-group">
      <legend>Giấy tờ kèm theo</legend>
      <p class="form-note" id="gioi-han-giay-to">{{LIMITS}} Giấy tờ có ghi <span class="req">(bắt buộc)</span> phải tải lên trước khi nộp; bản nháp có thể lưu khi chưa đủ.</p>
      {{#FILES_NOTE}}<p class="notice" role="status">{{TEXT}}</p>{{/FILES_NOTE}}
      {{#DOC}}
      <div class="field{{#ERR}} field-invalid{{/ERR}}">
        <label for="{{PARAM}}">{{NAME}} ({{COUNT}} bản, {{#CERTIFIED}}bản sao có chứng thực{{/CERTIFIED}}{{#ORIGINAL}}bản chính hoặc bản sao{{/ORIGINAL}}){{#REQUIRED}} <span class="req">(bắt buộc)</span>{{/REQUIRED}}{{#OPTIONAL}} (nếu có){{/OPTIONAL}}</label>
        {{#ERR}}<p class="field-error" id="loi-{{PARAM}}"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR}}
        {{#FILE}}<p class="file-kept"><input type="checkbox" id="bo-tep-{{ID}}" name="bo_tep" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="bo-tep-{{ID}}">Bỏ tệp đã tải lên “{{NAME}}” ({{SIZE}}) khi lưu hoặc nộp</label></p>
        {{/FILE}}
        <input type="file" id="{{PARAM}}" name="{{PARAM}}" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby="{{IDS}}"{{#ERR}} aria-invalid="true"{{/ERR}}>
      </div>
      {{/DOC}}
    </fieldset>
    {{/HAS_DOCS}}
    <div class="actions">
      <button type="submit" class="button" name="hanh_dong" value="nop">Nộp hồ sơ</button>
      <button type="submit" class="button button-secondary" name="hanh_dong" value="luu-nhap">Lưu nháp</button>
    </div>
  </form>
</section>
