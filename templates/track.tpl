{{%AUTOESCAPE context="HTML"}}
{{!
  Public tracking, /tra-cuu?ma=&xac-minh= (BODY of layout.tpl).  A GET
  form: nothing changes, so no CSRF token.
  Keys: VAL_CODE, VAL_VERIFY (as typed), FORM_ERROR (section: MESSAGE),
  ERR_CODE, ERR_VERIFY (sections: MESSAGE),
  RESULT (section) { CODE, UNIT_NAME, STATUS_NAME, SUBMITTED,
    DUE (section: DUE_DATE, DUE_ISO), LATE (section),
    EVENT[] { STATUS_NAME, AT, AT_ISO }, NO_EVENTS (section) }.
}}
<div class="page-head">
  <h1>Tra cứu hồ sơ</h1>
  <p class="page-lead">Nhập mã hồ sơ trên giấy tiếp nhận và 4 chữ số cuối của số điện thoại hoặc số định danh cá nhân của người nộp để xem tình trạng giải quyết.</p>
</div>
{{>FORM_ERROR}}
<section class="panel medium" aria-labelledby="tim-ho-so">
  <h2 id="tim-ho-so">Thông tin tra cứu</h2>
  <form class="form" method="get" action="/tra-cuu" novalidate>
    <div class="field{{#ERR_CODE}} field-invalid{{/ERR_CODE}}">
      <label for="ma-ho-so">Mã hồ sơ <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-ma-ho-so">Ví dụ: 05860-261130-0001</p>
      {{#ERR_CODE}}<p class="field-error" id="loi-ma-ho-so"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_CODE}}
      <input type="text" id="ma-ho-so" name="ma" value="{{VAL_CODE}}" autocomplete="off" spellcheck="false" required aria-describedby="goi-y-ma-ho-so{{#ERR_CODE}} loi-ma-ho-so{{/ERR_CODE}}"{{#ERR_CODE}} aria-invalid="true"{{/ERR_CODE}}>
    </div>
    <div class="field{{#ERR_VERIFY}} field-invalid{{/ERR_VERIFY}}">
      <label for="xac-minh">4 chữ số xác minh <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-xac-minh">4 chữ số cuối của số điện thoại hoặc của số định danh cá nhân của người nộp hồ sơ.</p>
      {{#ERR_VERIFY}}<p class="field-error" id="loi-xac-minh"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_VERIFY}}
      <input type="text" id="xac-minh" class="input-short" name="xac-minh" value="{{VAL_VERIFY}}" inputmode="numeric" maxlength="4" autocomplete="off" spellcheck="false" required aria-describedby="goi-y-xac-minh{{#ERR_VERIFY}} loi-xac-minh{{/ERR_VERIFY}}"{{#ERR_VERIFY}} aria-invalid="true"{{/ERR_VERIFY}}>
    </div>
    <div class="actions">
      <button type="submit" class="button">Tra cứu</button>
    </div>
  </form>
</section>
{{#RESULT}}
<section class="panel" aria-labelledby="ket-qua-tra-cuu">
  <h2 id="ket-qua-tra-cuu">Hồ sơ {{CODE}}</h2>
  <dl class="facts">
    <dt>Cơ quan giải quyết</dt>
    <dd>{{UNIT_NAME}}</dd>
    <dt>Trạng thái</dt>
    <dd><strong>{{STATUS_NAME}}</strong></dd>
    <dt>Ngày nộp</dt>
    <dd>{{SUBMITTED}}</dd>
    <dt>Ngày hẹn trả kết quả</dt>
    <dd>{{#DUE}}<time datetime="{{DUE_ISO}}">{{DUE_DATE}}</time>{{/DUE}}</dd>
    {{#LATE}}
    <dt>Tiến độ</dt>
    <dd><strong>Quá hạn</strong>: đã qua ngày hẹn trả mà chưa có kết quả.</dd>
    {{/LATE}}
  </dl>
  <h3>Quá trình giải quyết</h3>
  {{#NO_EVENTS}}<p class="empty">Chưa có bước xử lý nào được ghi nhận.</p>{{/NO_EVENTS}}
  <ol class="plain-list">
    {{#EVENT}}
    <li><time datetime="{{AT_ISO}}">{{AT}}</time>: {{STATUS_NAME}}</li>
    {{/EVENT}}
  </ol>
</section>
{{/RESULT}}
