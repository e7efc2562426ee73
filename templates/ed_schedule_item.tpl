{{%AUTOESCAPE context="HTML"}}
{{!
  One schedule item's form, /bien-tap/lich-cong-tac/{id} (BODY of
  layout.tpl).  Keys: CSRF, ACTION_URL, BACK_URL, FORM_ERROR, VAL_* and
  ERR_* as ed_schedule.tpl.  hanh_dong = luu | xoa.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol><li><a href="{{BACK_URL}}">Lịch công tác</a></li></ol>
</nav>
<h1>Sửa lịch công tác</h1>
{{>FORM_ERROR}}
<section class="panel" aria-labelledby="sua-lich">
  <h2 id="sua-lich" class="visually-hidden">Nội dung lịch</h2>
  <form class="form" method="post" action="{{ACTION_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_DATE}} field-invalid{{/ERR_DATE}}">
      <label for="ngay">Ngày <span class=req>(bắt buộc)</span></label>
      {{#ERR_DATE}}<p class="field-error" id="loi-ngay"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_DATE}}
      <input type="date" id="ngay" name="ngay" value="{{VAL_DATE}}" class="input-wide" required{{#ERR_DATE}} aria-invalid="true" aria-describedby="loi-ngay"{{/ERR_DATE}}>
    </div>
    <div class="field{{#ERR_TIME}} field-invalid{{/ERR_TIME}}">
      <label for="gio">Giờ (giờ:phút) <span class=req>(bắt buộc)</span></label>
      {{#ERR_TIME}}<p class="field-error" id="loi-gio"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TIME}}
      <input type="time" id="gio" name="gio" value="{{VAL_TIME}}" class="input-wide" required{{#ERR_TIME}} aria-invalid="true" aria-describedby="loi-gio"{{/ERR_TIME}}>
    </div>
    <div class="field{{#ERR_CONTENT}} field-invalid{{/ERR_CONTENT}}">
      <label for="noi-dung-ct">Nội dung công tác <span class=req>(bắt buộc)</span></label>
      {{#ERR_CONTENT}}<p class="field-error" id="loi-noi-dung-ct"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_CONTENT}}
      <textarea id="noi-dung-ct" name="tom_tat" rows="3" required{{#ERR_CONTENT}} aria-invalid="true" aria-describedby="loi-noi-dung-ct"{{/ERR_CONTENT}}>{{VAL_CONTENT}}</textarea>
    </div>
    <div class="field{{#ERR_PLACE}} field-invalid{{/ERR_PLACE}}">
      <label for="dia-diem">Địa điểm</label>
      {{#ERR_PLACE}}<p class="field-error" id="loi-dia-diem"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PLACE}}
      <input type="text" id="dia-diem" name="dia_diem" value="{{VAL_PLACE}}" class="input-wide"{{#ERR_PLACE}} aria-invalid="true" aria-describedby="loi-dia-diem"{{/ERR_PLACE}}>
    </div>
    <div class="field{{#ERR_PRESIDER}} field-invalid{{/ERR_PRESIDER}}">
      <label for="chu-tri">Chủ trì</label>
      {{#ERR_PRESIDER}}<p class="field-error" id="loi-chu-tri"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PRESIDER}}
      <input type="text" id="chu-tri" name="chu_tri" value="{{VAL_PRESIDER}}" class="input-wide"{{#ERR_PRESIDER}} aria-invalid="true" aria-describedby="loi-chu-tri"{{/ERR_PRESIDER}}>
    </div>
    <div class="field{{#ERR_PARTICIPANTS}} field-invalid{{/ERR_PARTICIPANTS}}">
      <label for="thanh-phan">Thành phần</label>
      {{#ERR_PARTICIPANTS}}<p class="field-error" id="loi-thanh-phan"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PARTICIPANTS}}
      <input type="text" id="thanh-phan" name="thanh_phan_du" value="{{VAL_PARTICIPANTS}}" class="input-wide"{{#ERR_PARTICIPANTS}} aria-invalid="true" aria-describedby="loi-thanh-phan"{{/ERR_PARTICIPANTS}}>
    </div>
    <div class="actions">
      <button type="submit" class="button" name="hanh_dong" value="luu">Lưu</button>
      <button type="submit" class="button button-secondary" name="hanh_dong" value="xoa">Xoá lịch này</button>
      <a href="{{BACK_URL}}">Quay lại</a>
    </div>
  </form>
</section>
