{{%AUTOESCAPE context="HTML"}}
{{!
  The one-stop desk's page of one application, /mot-cua/ho-so/{code}
  (BODY of layout.tpl; h/h_desk_app.c).
  Keys: CSRF, FORM_ERROR, CODE, PROCEDURE_NAME, PROCEDURE_CODE, UNIT_NAME,
  APPLICANT, PHONE, EMAIL, CHANNEL, STATUS_NAME, SUBMITTED, RECEIVED,
  DUE_DATE, LATE (section), ASSIGNEE (section: NAME), PAUSED (section:
  AT), SUPPLIED (section: AT), FEE (section: AMOUNT), APPROVAL (section:
  TEXT), RETURNED (section: VIA);
  VALUE[] { LABEL, TEXT }, NO_VALUES (section);
  FILE[] { NAME, URL, KIND, AT }, NO_FILES (section);
  EVENT[] { AT, AT_ISO, WHAT, ACTOR, INTERNAL (section), NOTE (section:
    TEXT), DUE (section: DATE) }, NO_EVENTS (section);
  PRINT_FORM[] { URL, NAME }: the printable forms that apply;
  NOTICES_URL: the delivery of the applicant's mail and SMS;
  ACTION[] { WORD (hanh_dong), LABEL, ACTION_URL, VERSION, MULTIPART,
    SECONDARY (sections), NOTE_FIELD (section: NOTE_LABEL, REQUIRED
    (section), VAL), ASSIGNEE_FIELD (section: OPTION[] { ID, NAME,
    SELECTED }), AMOUNT_FIELD, CHANNEL_FIELD, FILE_FIELD (sections),
    DAY_FIELD (section: MIN) }, NO_ACTIONS (section).
  POST fields: csrf, hanh_dong, phien_ban, ghi_chu, can_bo, so_tien, ngay,
  kenh, tep_ket_qua (multipart).
}}
<nav class="breadcrumb" aria-label="Vị trí">
  <a href="/mot-cua/">Bộ phận một cửa</a> › <span aria-current="page">{{CODE}}</span>
</nav>
<div class="page-head">
  <h1>Hồ sơ {{CODE}}</h1>
  <p class="page-lead">{{PROCEDURE_NAME}} (mã thủ tục {{PROCEDURE_CODE}})</p>
</div>
{{>FORM_ERROR}}
<div class="two-col">
<section class="panel" aria-labelledby="thong-tin-ho-so">
  <h2 id="thong-tin-ho-so">Thông tin hồ sơ</h2>
  <dl class="facts">
    <dt>Người nộp</dt>
    <dd>{{APPLICANT}}</dd>
    <dt>Điện thoại</dt>
    <dd>{{PHONE}}</dd>
    <dt>Thư điện tử</dt>
    <dd>{{EMAIL}}</dd>
    <dt>Cơ quan giải quyết</dt>
    <dd>{{UNIT_NAME}}</dd>
    <dt>Cách nộp</dt>
    <dd>{{CHANNEL}}</dd>
    <dt>Trạng thái</dt>
    <dd><strong>{{STATUS_NAME}}</strong></dd>
    <dt>Ngày nộp</dt>
    <dd>{{SUBMITTED}}</dd>
    <dt>Ngày tiếp nhận</dt>
    <dd>{{RECEIVED}}</dd>
    <dt>Ngày hẹn trả kết quả</dt>
    <dd>{{DUE_DATE}}{{#LATE}} <strong class="tag tag-off">quá hạn</strong>{{/LATE}}</dd>
    {{#PAUSED}}<dt>Tạm dừng tính thời hạn</dt>
    <dd>từ {{AT}} (chờ người nộp bổ sung giấy tờ)</dd>{{/PAUSED}}
    {{#SUPPLIED}}<dt>Người nộp đã bổ sung</dt>
    <dd>lúc {{AT}}: kiểm tra rồi nhận giấy tờ bổ sung để tiếp tục tính thời hạn</dd>{{/SUPPLIED}}
    {{#ASSIGNEE}}<dt>Cán bộ xử lý</dt>
    <dd>{{NAME}}</dd>{{/ASSIGNEE}}
    {{#FEE}}<dt>Nghĩa vụ tài chính</dt>
    <dd>{{AMOUNT}} đồng</dd>{{/FEE}}
    {{#APPROVAL}}<dt>Phê duyệt kết quả</dt>
    <dd>{{TEXT}}</dd>{{/APPROVAL}}
    {{#RETURNED}}<dt>Trả kết quả</dt>
    <dd>{{VIA}}</dd>{{/RETURNED}}
  </dl>
</section>
<section class="panel" aria-labelledby="to-khai">
  <h2 id="to-khai">Nội dung tờ khai</h2>
  {{#NO_VALUES}}<p class="empty">Hồ sơ không có tờ khai trực tuyến.</p>{{/NO_VALUES}}
  <dl class="facts">
    {{#VALUE}}
    <dt>{{LABEL}}</dt>
    <dd>{{TEXT}}</dd>
    {{/VALUE}}
  </dl>
</section>
</div>
<section class="panel" aria-labelledby="tep">
  <h2 id="tep">Giấy tờ và kết quả</h2>
  {{#NO_FILES}}<p class="empty">Hồ sơ chưa có tệp đính kèm nào.</p>{{/NO_FILES}}
  <ul class="plain-list">
    {{#FILE}}
    <li>{{KIND}}: <a href="{{URL}}" download>{{NAME}}</a> <span class="form-note">(lúc {{AT}}, tải về)</span></li>
    {{/FILE}}
  </ul>
</section>
<section class="panel" aria-labelledby="giay-to-in">
  <h2 id="giay-to-in">Phiếu in và thông báo</h2>
  <ul class="plain-list">
    {{#PRINT_FORM}}
    <li><a href="{{URL}}">{{NAME}}</a></li>
    {{/PRINT_FORM}}
    <li><a href="{{NOTICES_URL}}">Thư và tin nhắn đã gửi người nộp, và tình trạng gửi</a></li>
  </ul>
</section>
<section class="panel" aria-labelledby="qua-trinh">
  <h2 id="qua-trinh">Quá trình giải quyết</h2>
  {{#NO_EVENTS}}<p class="empty">Chưa có bước xử lý nào được ghi nhận.</p>{{/NO_EVENTS}}
  <ol class="plain-list">
    {{#EVENT}}
    <li><time datetime="{{AT_ISO}}">{{AT}}</time>: <strong>{{WHAT}}</strong>{{#INTERNAL}} <span class="tag">Nội bộ: người nộp không xem được</span>{{/INTERNAL}} <span class="with-dash">{{ACTOR}}</span>{{#DUE}}<br>Ngày hẹn mới: {{DATE}}{{/DUE}}{{#NOTE}}<br><span class="pre-line">{{TEXT}}</span>{{/NOTE}}</li>
    {{/EVENT}}
  </ol>
</section>
<section class="panel" aria-labelledby="thao-tac">
  <h2 id="thao-tac">Thao tác</h2>
  {{#NO_ACTIONS}}<p class="empty">Không có thao tác nào bạn có thể thực hiện với hồ sơ ở trạng thái này.</p>{{/NO_ACTIONS}}
  {{#ACTION}}
  <form class="form" method="post" action="{{ACTION_URL}}" aria-labelledby="tt-{{WORD}}"{{#MULTIPART}} enctype="multipart/form-data"{{/MULTIPART}}>
    <h3 id="tt-{{WORD}}">{{LABEL}}</h3>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="phien_ban" value="{{VERSION}}">
    <input type="hidden" name="hanh_dong" value="{{WORD}}">
    {{#ASSIGNEE_FIELD}}
    <div class="field">
      <label for="{{WORD}}-can-bo">Cán bộ xử lý <span class="req">(bắt buộc)</span></label>
      <select id="{{WORD}}-can-bo" name="can_bo" required>
        {{#OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}
      </select>
    </div>
    {{/ASSIGNEE_FIELD}}
    {{#AMOUNT_FIELD}}
    <div class="field">
      <label for="{{WORD}}-so-tien">Số tiền (đồng) <span class="req">(bắt buộc)</span></label>
      <input type="text" id="{{WORD}}-so-tien" name="so_tien" inputmode="numeric" pattern="[0-9]*" required>
    </div>
    {{/AMOUNT_FIELD}}
    {{#DAY_FIELD}}
    <div class="field">
      <label for="{{WORD}}-ngay">Ngày hẹn trả kết quả mới <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="{{WORD}}-goi-y-ngay">Một ngày làm việc sau hôm nay.</p>
      <input type="date" id="{{WORD}}-ngay" name="ngay" min="{{MIN}}" required aria-describedby="{{WORD}}-goi-y-ngay">
    </div>
    {{/DAY_FIELD}}
    {{#CHANNEL_FIELD}}
    <fieldset class="field">
      <legend>Cách trả kết quả <span class="req">(bắt buộc)</span></legend>
      <p><input type="radio" id="{{WORD}}-kenh-online" name="kenh" value="online" required> <label for="{{WORD}}-kenh-online">Trực tuyến: người nộp tải kết quả tại trang hồ sơ</label></p>
      <p><input type="radio" id="{{WORD}}-kenh-counter" name="kenh" value="counter"> <label for="{{WORD}}-kenh-counter">Tại bộ phận một cửa</label></p>
    </fieldset>
    {{/CHANNEL_FIELD}}
    {{#FILE_FIELD}}
    <div class="field">
      <label for="{{WORD}}-tep">Tệp kết quả (PDF) <span class="req">(bắt buộc)</span></label>
      <input type="file" id="{{WORD}}-tep" name="tep_ket_qua" accept="application/pdf" required>
    </div>
    {{/FILE_FIELD}}
    {{#NOTE_FIELD}}
    <div class="field">
      <label for="{{WORD}}-ghi-chu">{{NOTE_LABEL}}{{#REQUIRED}} <span class="req">(bắt buộc)</span>{{/REQUIRED}}</label>
      <textarea id="{{WORD}}-ghi-chu" name="ghi_chu" rows="3"{{#REQUIRED}} required{{/REQUIRED}}>{{VAL}}</textarea>
    </div>
    {{/NOTE_FIELD}}
    <div class="actions">
      <button type="submit" class="button{{#SECONDARY}} button-secondary{{/SECONDARY}}">{{LABEL}}</button>
    </div>
  </form>
  {{/ACTION}}
</section>
