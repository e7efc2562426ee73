{{%AUTOESCAPE context="HTML"}}
{{!
  Editing a procedure, /quan-tri/thu-tuc/{code} (BODY of layout.tpl).
  Saving adds a version.  Keys: CSRF, CODE, VERSION, PUBLIC_URL,
  VAL_NAME, VAL_LEVEL, VAL_AGENCY, VAL_DAYS, VAL_STEPS, VAL_DOCUMENTS,
  VAL_LEGAL, VAL_APPLICANTS, VAL_RESULT, VAL_CONDITIONS, VAL_FEES,
  PUBLISHED_CHECKED (section), SECTOR_OPTION[], LEVEL_OPTION[] { VALUE,
  LABEL, SELECTED (section) }, FORM_ERROR, ERR_* (sections: MESSAGE),
  VERSION_ITEM[] { VERSION, NAME, AT, AUTHOR, STATUS }.
  Fields posted: csrf, ten, linh_vuc, cap, co_quan, hinh_thuc, so_ngay,
  trinh_tu, thanh_phan, can_cu, doi_tuong, ket_qua, dieu_kien, phi,
  cong_bo.
}}
<section class="panel" aria-labelledby="tieu-de-trang">
  <p class="breadcrumb"><a href="/quan-tri/thu-tuc">Quản lý thủ tục hành chính</a></p>
  <h1 id="tieu-de-trang">Sửa thủ tục {{CODE}}</h1>
  <p class="page-lead">Phiên bản đang có hiệu lực: {{VERSION}}. Lưu sẽ tạo phiên bản mới; các hồ sơ đã nộp giữ phiên bản có hiệu lực khi nộp. <a href="{{PUBLIC_URL}}">Xem trang công khai</a>.</p>
  {{>FORM_ERROR}}
  <form class="form" method="post" action="/quan-tri/thu-tuc/{{CODE}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_PROC_NAME}} field-invalid{{/ERR_PROC_NAME}}">
      <label for="ten">Tên thủ tục <span class="req">(bắt buộc)</span></label>
      {{#ERR_PROC_NAME}}<p class="field-error" id="loi-ten"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PROC_NAME}}
      <input type="text" id="ten" name="ten" value="{{VAL_NAME}}" required aria-describedby="{{#ERR_PROC_NAME}}loi-ten{{/ERR_PROC_NAME}}"{{#ERR_PROC_NAME}} aria-invalid="true"{{/ERR_PROC_NAME}}>
    </div>
    <div class="field{{#ERR_SECTOR}} field-invalid{{/ERR_SECTOR}}">
      <label for="linh-vuc">Lĩnh vực <span class="req">(bắt buộc)</span></label>
      {{#ERR_SECTOR}}<p class="field-error" id="loi-linh-vuc"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_SECTOR}}
      <select id="linh-vuc" name="linh_vuc" required{{#ERR_SECTOR}} aria-invalid="true" aria-describedby="loi-linh-vuc"{{/ERR_SECTOR}}>
        <option value="">Chọn…</option>
        {{#SECTOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/SECTOR_OPTION}}
      </select>
    </div>
    <div class="field{{#ERR_LEVEL}} field-invalid{{/ERR_LEVEL}}">
      <label for="cap">Cấp thực hiện</label>
      <p class="hint" id="goi-y-cap">Ví dụ: Cấp xã.</p>
      {{#ERR_LEVEL}}<p class="field-error" id="loi-cap"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_LEVEL}}
      <input type="text" id="cap" name="cap" value="{{VAL_LEVEL}}" aria-describedby="goi-y-cap{{#ERR_LEVEL}} loi-cap{{/ERR_LEVEL}}"{{#ERR_LEVEL}} aria-invalid="true"{{/ERR_LEVEL}}>
    </div>
    <div class="field{{#ERR_AGENCY}} field-invalid{{/ERR_AGENCY}}">
      <label for="co-quan">Cơ quan thực hiện</label>
      {{#ERR_AGENCY}}<p class="field-error" id="loi-co-quan"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_AGENCY}}
      <input type="text" id="co-quan" name="co_quan" value="{{VAL_AGENCY}}" aria-describedby="{{#ERR_AGENCY}}loi-co-quan{{/ERR_AGENCY}}"{{#ERR_AGENCY}} aria-invalid="true"{{/ERR_AGENCY}}>
    </div>
    <div class="field{{#ERR_ONLINE}} field-invalid{{/ERR_ONLINE}}">
      <label for="hinh-thuc">Mức độ trực tuyến <span class="req">(bắt buộc)</span></label>
      {{#ERR_ONLINE}}<p class="field-error" id="loi-hinh-thuc"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_ONLINE}}
      <select id="hinh-thuc" name="hinh_thuc" required{{#ERR_ONLINE}} aria-invalid="true" aria-describedby="loi-hinh-thuc"{{/ERR_ONLINE}}>
        <option value="">Chọn…</option>
        {{#LEVEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/LEVEL_OPTION}}
      </select>
    </div>
    <div class="field{{#ERR_DAYS}} field-invalid{{/ERR_DAYS}}">
      <label for="so-ngay">Thời hạn giải quyết (ngày làm việc)</label>
      <p class="hint" id="goi-y-so-ngay">Một số từ 1 đến 365; để trống nếu chưa quy định hoặc thời hạn khác nhau theo cách thức.</p>
      {{#ERR_DAYS}}<p class="field-error" id="loi-so-ngay"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_DAYS}}
      <input type="text" id="so-ngay" name="so_ngay" value="{{VAL_DAYS}}" class="input-short" inputmode="numeric" aria-describedby="goi-y-so-ngay{{#ERR_DAYS}} loi-so-ngay{{/ERR_DAYS}}"{{#ERR_DAYS}} aria-invalid="true"{{/ERR_DAYS}}>
    </div>
    <div class="field{{#ERR_STEPS}} field-invalid{{/ERR_STEPS}}">
      <label for="trinh-tu">Trình tự thực hiện</label>
      <p class="hint" id="goi-y-trinh-tu">Mỗi bước một dòng.</p>
      {{#ERR_STEPS}}<p class="field-error" id="loi-trinh-tu"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_STEPS}}
      <textarea id="trinh-tu" name="trinh_tu" rows="6" aria-describedby="goi-y-trinh-tu{{#ERR_STEPS}} loi-trinh-tu{{/ERR_STEPS}}"{{#ERR_STEPS}} aria-invalid="true"{{/ERR_STEPS}}>{{VAL_STEPS}}</textarea>
    </div>
    <div class="field{{#ERR_DOCUMENTS}} field-invalid{{/ERR_DOCUMENTS}}">
      <label for="thanh-phan">Thành phần hồ sơ</label>
      <p class="hint" id="goi-y-thanh-phan">Mỗi giấy tờ một dòng; giấy tờ giữ nguyên tên thì giữ số lượng và mẫu đơn đã có.</p>
      {{#ERR_DOCUMENTS}}<p class="field-error" id="loi-thanh-phan"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_DOCUMENTS}}
      <textarea id="thanh-phan" name="thanh_phan" rows="6" aria-describedby="goi-y-thanh-phan{{#ERR_DOCUMENTS}} loi-thanh-phan{{/ERR_DOCUMENTS}}"{{#ERR_DOCUMENTS}} aria-invalid="true"{{/ERR_DOCUMENTS}}>{{VAL_DOCUMENTS}}</textarea>
    </div>
    <div class="field{{#ERR_LEGAL}} field-invalid{{/ERR_LEGAL}}">
      <label for="can-cu">Căn cứ pháp lý</label>
      <p class="hint" id="goi-y-can-cu">Mỗi văn bản một dòng.</p>
      {{#ERR_LEGAL}}<p class="field-error" id="loi-can-cu"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_LEGAL}}
      <textarea id="can-cu" name="can_cu" rows="6" aria-describedby="goi-y-can-cu{{#ERR_LEGAL}} loi-can-cu{{/ERR_LEGAL}}"{{#ERR_LEGAL}} aria-invalid="true"{{/ERR_LEGAL}}>{{VAL_LEGAL}}</textarea>
    </div>
    <div class="field{{#ERR_APPLICANTS}} field-invalid{{/ERR_APPLICANTS}}">
      <label for="doi-tuong">Đối tượng thực hiện</label>
      {{#ERR_APPLICANTS}}<p class="field-error" id="loi-doi-tuong"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_APPLICANTS}}
      <textarea id="doi-tuong" name="doi_tuong" rows="3" aria-describedby="{{#ERR_APPLICANTS}}loi-doi-tuong{{/ERR_APPLICANTS}}"{{#ERR_APPLICANTS}} aria-invalid="true"{{/ERR_APPLICANTS}}>{{VAL_APPLICANTS}}</textarea>
    </div>
    <div class="field{{#ERR_RESULT}} field-invalid{{/ERR_RESULT}}">
      <label for="ket-qua">Kết quả thực hiện</label>
      {{#ERR_RESULT}}<p class="field-error" id="loi-ket-qua"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_RESULT}}
      <textarea id="ket-qua" name="ket_qua" rows="3" aria-describedby="{{#ERR_RESULT}}loi-ket-qua{{/ERR_RESULT}}"{{#ERR_RESULT}} aria-invalid="true"{{/ERR_RESULT}}>{{VAL_RESULT}}</textarea>
    </div>
    <div class="field{{#ERR_CONDITIONS}} field-invalid{{/ERR_CONDITIONS}}">
      <label for="dieu-kien">Yêu cầu, điều kiện thực hiện</label>
      {{#ERR_CONDITIONS}}<p class="field-error" id="loi-dieu-kien"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_CONDITIONS}}
      <textarea id="dieu-kien" name="dieu_kien" rows="3" aria-describedby="{{#ERR_CONDITIONS}}loi-dieu-kien{{/ERR_CONDITIONS}}"{{#ERR_CONDITIONS}} aria-invalid="true"{{/ERR_CONDITIONS}}>{{VAL_CONDITIONS}}</textarea>
    </div>
    <div class="field{{#ERR_FEES}} field-invalid{{/ERR_FEES}}">
      <label for="phi">Phí, lệ phí</label>
      {{#ERR_FEES}}<p class="field-error" id="loi-phi"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_FEES}}
      <textarea id="phi" name="phi" rows="3" aria-describedby="{{#ERR_FEES}}loi-phi{{/ERR_FEES}}"{{#ERR_FEES}} aria-invalid="true"{{/ERR_FEES}}>{{VAL_FEES}}</textarea>
    </div>
    <div class="field field-check">
      <input type="checkbox" id="cong-bo" name="cong_bo" value="1"{{#PUBLISHED_CHECKED}} checked{{/PUBLISHED_CHECKED}}>
      <label for="cong-bo">Đã công bố đầy đủ (bỏ chọn nếu chi tiết còn chờ đơn vị công bố)</label>
    </div>
    <div class="actions">
      <button type="submit" class="button">Lưu phiên bản mới</button>
    </div>
  </form>
</section>
<section class="panel" aria-labelledby="cac-phien-ban">
  <h2 id="cac-phien-ban">Các phiên bản</h2>
  <div class="table-wrap" role="region" aria-labelledby="bang-phien-ban" tabindex="0">
    <table class="data-table">
      <caption id="bang-phien-ban">Lịch sử phiên bản, mới nhất trước</caption>
      <thead><tr><th scope="col">Phiên bản</th><th scope="col">Tên</th><th scope="col">Thời điểm</th><th scope="col">Người sửa</th><th scope="col">Trạng thái</th></tr></thead>
      <tbody>
        {{#VERSION_ITEM}}<tr><td class="num">{{VERSION}}</td><td>{{NAME}}</td><td class="nowrap">{{AT}}</td><td>{{AUTHOR}}</td><td>{{STATUS}}</td></tr>
        {{/VERSION_ITEM}}
      </tbody>
    </table>
  </div>
</section>
