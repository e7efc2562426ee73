{{%AUTOESCAPE context="HTML"}}
{{!
  The editor's week of the leaders' schedule, /bien-tap/lich-cong-tac
  (BODY of layout.tpl).  Keys: the unit chooser (ed_content.tpl), WEEK,
  WEEK_LABEL, PREV_URL, NEXT_URL, NOT_THIS_WEEK (URL), PUBLIC_URL, ITEM[]
  { WHEN, CONTENT, PRESIDER, URL }, NO_ITEMS; the new item's form: CSRF,
  ACTION_URL, FORM_ERROR, VAL_* and ERR_* of ngay, gio, tom_tat (content),
  dia_diem, chu_tri, thanh_phan_du.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/noi-dung?don_vi={{UNIT_ID}}">Nội dung trang đơn vị</a></li>
  </ol>
</nav>
<h1>Lịch công tác của {{UNIT_NAME}}</h1>
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
<p class="page-lead">{{WEEK_LABEL}} – <a href="{{PUBLIC_URL}}">xem trên trang công khai</a></p>
<nav class="pagination week-nav" aria-label="Chọn tuần">
  <ul>
    <li class="page-prev"><a href="{{PREV_URL}}" rel="prev">Tuần trước</a></li>
    {{#NOT_THIS_WEEK}}<li><a href="{{URL}}">Tuần này</a></li>{{/NOT_THIS_WEEK}}
    <li class="page-next"><a href="{{NEXT_URL}}" rel="next">Tuần sau</a></li>
  </ul>
</nav>
{{#NO_ITEMS}}<p class="empty">Tuần này chưa có lịch.</p>{{/NO_ITEMS}}
<ul class="link-list">
  {{#ITEM}}<li><a href="{{URL}}">{{WHEN}}: {{CONTENT}}</a> ({{PRESIDER}})</li>{{/ITEM}}
</ul>
<section class="panel" aria-labelledby="them-lich">
  <h2 id="them-lich">Thêm lịch</h2>
  {{>FORM_ERROR}}
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
    <div class="actions"><button type="submit" class="button">Thêm lịch</button></div>
  </form>
</section>
