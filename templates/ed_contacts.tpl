{{%AUTOESCAPE context="HTML"}}
{{!
  The editor's contacts of a unit, /bien-tap/lien-he (BODY of layout.tpl).
  Keys: the unit chooser (ed_content.tpl), CONTACT[] { TITLE, PERSON, PHONE,
  URL }; the new contact's form: CSRF, ACTION_URL, FORM_ERROR, VAL_* and
  ERR_* of tieu_de, ho_ten, so_lien_he, email, dia_chi, gio_lam_viec, thu_tu.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/noi-dung?don_vi={{UNIT_ID}}">Nội dung trang đơn vị</a></li>
  </ol>
</nav>
<h1>Danh bạ liên hệ của {{UNIT_NAME}}</h1>
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
  {{#CONTACT}}<li><a href="{{URL}}">{{TITLE}}</a> {{PERSON}} {{PHONE}}</li>{{/CONTACT}}
</ul>
<p><a href="/don-vi/{{UNIT_SLUG}}/lien-he">Xem trên trang công khai</a></p>
<section class="panel" aria-labelledby="them-lien-he">
  <h2 id="them-lien-he">Thêm liên hệ</h2>
  {{>FORM_ERROR}}
  <form class="form" method="post" action="{{ACTION_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="field{{#ERR_TITLE}} field-invalid{{/ERR_TITLE}}">
      <label for="chuc-danh">Chức danh, bộ phận <span class=req>(bắt buộc)</span></label>
      {{#ERR_TITLE}}<p class="field-error" id="loi-chuc-danh"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input type="text" id="chuc-danh" name="tieu_de" value="{{VAL_TITLE}}" class="input-wide" required{{#ERR_TITLE}} aria-invalid="true" aria-describedby="loi-chuc-danh"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_NAME}} field-invalid{{/ERR_NAME}}">
      <label for="ho-ten">Họ và tên</label>
      {{#ERR_NAME}}<p class="field-error" id="loi-ho-ten"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_NAME}}
      <input type="text" id="ho-ten" name="ho_ten" value="{{VAL_NAME}}" class="input-wide"{{#ERR_NAME}} aria-invalid="true" aria-describedby="loi-ho-ten"{{/ERR_NAME}}>
    </div>
    <div class="field{{#ERR_TEL}} field-invalid{{/ERR_TEL}}">
      <label for="so-lien-he">Điện thoại</label>
      {{#ERR_TEL}}<p class="field-error" id="loi-so-lien-he"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TEL}}
      <input type="tel" id="so-lien-he" name="so_lien_he" value="{{VAL_TEL}}" class="input-wide"{{#ERR_TEL}} aria-invalid="true" aria-describedby="loi-so-lien-he"{{/ERR_TEL}}>
    </div>
    <div class="field{{#ERR_EMAIL}} field-invalid{{/ERR_EMAIL}}">
      <label for="email">Thư điện tử công vụ</label>
      {{#ERR_EMAIL}}<p class="field-error" id="loi-email"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EMAIL}}
      <input type="email" id="email" name="email" value="{{VAL_EMAIL}}" class="input-wide"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="loi-email"{{/ERR_EMAIL}}>
    </div>
    <div class="field{{#ERR_ADDRESS}} field-invalid{{/ERR_ADDRESS}}">
      <label for="dia-chi">Địa chỉ</label>
      {{#ERR_ADDRESS}}<p class="field-error" id="loi-dia-chi"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_ADDRESS}}
      <input type="text" id="dia-chi" name="dia_chi" value="{{VAL_ADDRESS}}" class="input-wide"{{#ERR_ADDRESS}} aria-invalid="true" aria-describedby="loi-dia-chi"{{/ERR_ADDRESS}}>
    </div>
    <div class="field{{#ERR_HOURS}} field-invalid{{/ERR_HOURS}}">
      <label for="gio-lam-viec">Giờ làm việc</label>
      {{#ERR_HOURS}}<p class="field-error" id="loi-gio-lam-viec"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_HOURS}}
      <input type="text" id="gio-lam-viec" name="gio_lam_viec" value="{{VAL_HOURS}}" class="input-wide"{{#ERR_HOURS}} aria-invalid="true" aria-describedby="loi-gio-lam-viec"{{/ERR_HOURS}}>
    </div>
    <div class="field{{#ERR_POSITION}} field-invalid{{/ERR_POSITION}}">
      <label for="thu-tu">Thứ tự</label>
      {{#ERR_POSITION}}<p class="field-error" id="loi-thu-tu"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_POSITION}}
      <input type="number" id="thu-tu" name="thu_tu" value="{{VAL_POSITION}}" class="input-wide"{{#ERR_POSITION}} aria-invalid="true" aria-describedby="loi-thu-tu"{{/ERR_POSITION}}>
    </div>
    <div class="actions"><button type="submit" class="button">Thêm</button></div>
  </form>
</section>
