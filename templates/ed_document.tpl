{{%AUTOESCAPE context="HTML"}}
{{!
  A document's form, /bien-tap/van-ban/moi and /bien-tap/van-ban/{id}
  (BODY of layout.tpl).  Keys: CSRF, ACTION_URL, FORM_ERROR, NOTICE
  (section: TEXT), IS_NEW (section; UNIT_NAME), NOT_NEW (section: STATUS),
  PUBLISHED (section: URL), CAN_UNPUBLISH (section), TYPE_OPTION[] { VALUE,
  LABEL, SELECTED }, VAL_* and ERR_* (sections: MESSAGE) of so_ky_hieu,
  loai, co_quan, nguoi_ky, ngay, ngay_hieu_luc, tieu_de, noi_dung.
  hanh_dong = luu | dang | go.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol><li><a href="/bien-tap/van-ban">Văn bản</a></li></ol>
</nav>
<h1>{{#IS_NEW}}Thêm văn bản của {{UNIT_NAME}}{{/IS_NEW}}{{#NOT_NEW}}Sửa văn bản{{/NOT_NEW}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
{{>FORM_ERROR}}
{{#NOT_NEW}}<p>Trạng thái: <strong>{{STATUS}}</strong></p>{{/NOT_NEW}}
{{#PUBLISHED}}<p><a href="{{URL}}">Xem văn bản trên trang công khai</a></p>{{/PUBLISHED}}
<section class="panel" aria-labelledby="thong-tin-van-ban">
  <h2 id="thong-tin-van-ban" class="visually-hidden">Thông tin văn bản</h2>
  <form class="form" method="post" action="{{ACTION_URL}}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_NUMBER}} field-invalid{{/ERR_NUMBER}}">
      <label for="so-ky-hieu">Số, ký hiệu <span class=req>(bắt buộc)</span></label>
      {{#ERR_NUMBER}}<p class="field-error" id="loi-so-ky-hieu"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_NUMBER}}
      <input type="text" id="so-ky-hieu" name="so_ky_hieu" value="{{VAL_NUMBER}}" class="input-wide" required{{#ERR_NUMBER}} aria-invalid="true" aria-describedby="loi-so-ky-hieu"{{/ERR_NUMBER}}>
    </div>
    <div class="field{{#ERR_TYPE}} field-invalid{{/ERR_TYPE}}">
      <label for="loai">Loại văn bản <span class="req">(bắt buộc)</span></label>
      {{#ERR_TYPE}}<p class="field-error" id="loi-loai"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TYPE}}
      <select id="loai" name="loai" required{{#ERR_TYPE}} aria-invalid="true" aria-describedby="loi-loai"{{/ERR_TYPE}}>
        <option value="">Chọn loại văn bản</option>
        {{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}
      </select>
    </div>
    <div class="field{{#ERR_ISSUER}} field-invalid{{/ERR_ISSUER}}">
      <label for="co-quan">Cơ quan ban hành <span class=req>(bắt buộc)</span></label>
      {{#ERR_ISSUER}}<p class="field-error" id="loi-co-quan"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_ISSUER}}
      <input type="text" id="co-quan" name="co_quan" value="{{VAL_ISSUER}}" class="input-wide" required{{#ERR_ISSUER}} aria-invalid="true" aria-describedby="loi-co-quan"{{/ERR_ISSUER}}>
    </div>
    <div class="field{{#ERR_SIGNER}} field-invalid{{/ERR_SIGNER}}">
      <label for="nguoi-ky">Người ký</label>
      {{#ERR_SIGNER}}<p class="field-error" id="loi-nguoi-ky"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_SIGNER}}
      <input type="text" id="nguoi-ky" name="nguoi_ky" value="{{VAL_SIGNER}}" class="input-wide"{{#ERR_SIGNER}} aria-invalid="true" aria-describedby="loi-nguoi-ky"{{/ERR_SIGNER}}>
    </div>
    <div class="field{{#ERR_ISSUED}} field-invalid{{/ERR_ISSUED}}">
      <label for="ngay">Ngày ban hành <span class=req>(bắt buộc)</span></label>
      {{#ERR_ISSUED}}<p class="field-error" id="loi-ngay"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_ISSUED}}
      <input type="date" id="ngay" name="ngay" value="{{VAL_ISSUED}}" class="input-wide" required{{#ERR_ISSUED}} aria-invalid="true" aria-describedby="loi-ngay"{{/ERR_ISSUED}}>
    </div>
    <div class="field{{#ERR_EFFECTIVE}} field-invalid{{/ERR_EFFECTIVE}}">
      <label for="ngay-hieu-luc">Ngày có hiệu lực</label>
      {{#ERR_EFFECTIVE}}<p class="field-error" id="loi-ngay-hieu-luc"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EFFECTIVE}}
      <input type="date" id="ngay-hieu-luc" name="ngay_hieu_luc" value="{{VAL_EFFECTIVE}}" class="input-wide"{{#ERR_EFFECTIVE}} aria-invalid="true" aria-describedby="loi-ngay-hieu-luc"{{/ERR_EFFECTIVE}}>
    </div>
    <div class="field{{#ERR_TITLE}} field-invalid{{/ERR_TITLE}}">
      <label for="tieu-de">Trích yếu <span class=req>(bắt buộc)</span></label>
      {{#ERR_TITLE}}<p class="field-error" id="loi-tieu-de"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input type="text" id="tieu-de" name="tieu_de" value="{{VAL_TITLE}}" class="input-wide" required{{#ERR_TITLE}} aria-invalid="true" aria-describedby="loi-tieu-de"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_SUMMARY}} field-invalid{{/ERR_SUMMARY}}">
      <label for="tom-tat">Tóm tắt nội dung</label>
      <p class="hint" id="goi-y-tom-tat">Văn bản thuần, không bắt buộc.</p>
      {{#ERR_SUMMARY}}<p class="field-error" id="loi-tom-tat"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_SUMMARY}}
      <textarea id="tom-tat" name="noi_dung" rows="6" aria-describedby="goi-y-tom-tat{{#ERR_SUMMARY}} loi-tom-tat{{/ERR_SUMMARY}}"{{#ERR_SUMMARY}} aria-invalid="true"{{/ERR_SUMMARY}}>{{VAL_SUMMARY}}</textarea>
    </div>
    {{#PDF_FIELD}}
    <div class="field{{#ERR_PDF}} field-invalid{{/ERR_PDF}}">
      <label for="tep-pdf">Tệp văn bản (PDF)</label>
      <p class="hint" id="goi-y-tep-pdf">Không bắt buộc. Chỉ nhận tệp PDF. {{#HAS_PDF}}Đã có tệp: <a href="{{URL}}">xem tệp</a>; chọn tệp mới để thay.{{/HAS_PDF}}</p>
      {{#ERR_PDF}}<p class="field-error" id="loi-tep-pdf"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PDF}}
      <input type="file" id="tep-pdf" name="tep_1" accept="application/pdf" aria-describedby="goi-y-tep-pdf">
    </div>
    {{/PDF_FIELD}}
    <div class="actions">
      <button type="submit" class="button button-secondary" name="hanh_dong" value="luu">Lưu nháp</button>
      <button type="submit" class="button" name="hanh_dong" value="dang">Đăng</button>
      {{#CAN_UNPUBLISH}}<button type="submit" class="button button-secondary" name="hanh_dong" value="go">Gỡ khỏi trang công khai</button>{{/CAN_UNPUBLISH}}
      <a href="/bien-tap/van-ban">Quay lại danh sách</a>
    </div>
  </form>
</section>
