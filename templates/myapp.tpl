{{%AUTOESCAPE context="HTML"}}
{{!
  One of the signed-in person's applications, /ho-so/{code} (BODY of
  layout.tpl).
  Keys: CSRF, NOTICE (section: MESSAGE), FORM_ERROR (section: MESSAGE),
  CODE, PROCEDURE_NAME, UNIT_NAME, STATUS_NAME, CHANNEL, SUBMITTED,
  RECEIVED, DUE_DATE (each "" when not yet known), LATE (section),
  SUPPLEMENT (section: documents asked for),
  SUPPLIED (section: the documents were sent, staff are to accept them),
  EVENT[] { STATUS_NAME, AT, AT_ISO, NOTE, MINE (sections: TEXT), DUE
    (section: DATE) },
  NO_EVENTS (section), FILE[] { NAME, URL (its download), SIZE, RESULT
    (section) },
  NO_FILES (section),
  SUPPLY (section, at status 5: ACTION_URL, VERSION, LIMITS, SLOT[] {
    PARAM (tep_<n>), NAME }), POST (multipart) fields phien_ban, tep_<n>;
  WITHDRAW (section: ACTION_URL, VERSION), POST fields phien_ban;
  RATE (section: ACTION_URL, VAL_COMMENT, CHECKED_1..CHECKED_5
    (sections)), POST fields diem (1-5), nhan_xet; ERR_RATING,
    ERR_COMMENT (sections: MESSAGE);
  RATED (section: RATING, RATED_AT, COMMENT (section: TEXT)).
  ASSISTED (section: HELPER, the digital-team member who submitted it).
}}
<nav class="breadcrumb" aria-label="Vị trí">
  <a href="/ho-so">Hồ sơ của tôi</a> › <span aria-current="page">{{CODE}}</span>
</nav>
<div class="page-head">
  <h1>Hồ sơ {{CODE}}</h1>
  <p class="page-lead">{{PROCEDURE_NAME}}</p>
</div>
{{>FORM_ERROR}}
<section class="panel" aria-labelledby="thong-tin-ho-so">
  <h2 id="thong-tin-ho-so">Thông tin hồ sơ</h2>
  <dl class="facts">
    <dt>Cơ quan giải quyết</dt>
    <dd>{{UNIT_NAME}}</dd>
    <dt>Trạng thái</dt>
    <dd><strong>{{STATUS_NAME}}</strong>{{#LATE}} (quá hạn: đã qua ngày hẹn trả mà chưa có kết quả){{/LATE}}</dd>
    <dt>Cách nộp</dt>
    <dd>{{CHANNEL}}{{#ASSISTED}}. Nộp với sự hỗ trợ của tổ công nghệ số: {{HELPER}}{{/ASSISTED}}</dd>
    <dt>Ngày nộp</dt>
    <dd>{{SUBMITTED}}</dd>
    <dt>Ngày tiếp nhận</dt>
    <dd>{{RECEIVED}}</dd>
    <dt>Ngày hẹn trả kết quả</dt>
    <dd>{{DUE_DATE}}</dd>
  </dl>
  {{#SUPPLEMENT}}
  <p class="notice" role="status">Cơ quan giải quyết yêu cầu bổ sung giấy tờ: xem lời nhắn của cán bộ trong quá trình giải quyết bên dưới, rồi tải giấy tờ bổ sung lên ở mục <a href="#bo-sung">Bổ sung giấy tờ</a> (hoặc mang đến bộ phận một cửa của {{UNIT_NAME}}).</p>
  {{/SUPPLEMENT}}
  {{#SUPPLIED}}
  <p class="notice" role="status">Bạn đã gửi giấy tờ bổ sung. Cán bộ sẽ kiểm tra và tiếp nhận để tiếp tục giải quyết hồ sơ; nếu còn thiếu, bạn có thể gửi thêm ở mục <a href="#bo-sung">Bổ sung giấy tờ</a>.</p>
  {{/SUPPLIED}}
</section>
<section class="panel" aria-labelledby="qua-trinh">
  <h2 id="qua-trinh">Quá trình giải quyết và lời nhắn của cán bộ</h2>
  {{#NO_EVENTS}}<p class="empty">Chưa có bước xử lý nào được ghi nhận.</p>{{/NO_EVENTS}}
  <ol class="plain-list">
    {{#EVENT}}
    <li><time datetime="{{AT_ISO}}">{{AT}}</time>: <strong>{{STATUS_NAME}}</strong>{{#DUE}}<br>Ngày hẹn mới: {{DATE}}{{/DUE}}{{#NOTE}}<br><span class="form-note">Lời nhắn của cán bộ:</span> <span class="pre-line">{{TEXT}}</span>{{/NOTE}}{{#MINE}}<br>{{TEXT}}{{/MINE}}</li>
    {{/EVENT}}
  </ol>
</section>
<section class="panel" aria-labelledby="giay-to">
  <h2 id="giay-to">Giấy tờ và kết quả</h2>
  {{#NO_FILES}}<p class="empty">Hồ sơ chưa có tệp đính kèm nào.</p>{{/NO_FILES}}
  <ul class="plain-list">
    {{#FILE}}
    <li>{{#RESULT}}<strong>Kết quả giải quyết:</strong> {{/RESULT}}<a href="{{URL}}" download>{{NAME}}</a> <span class="form-note">({{SIZE}}, tải về)</span></li>
    {{/FILE}}
  </ul>
</section>
{{#SUPPLY}}
<section class="panel" aria-labelledby="bo-sung">
  <h2 id="bo-sung">Bổ sung giấy tờ</h2>
  <p class="form-note" id="gioi-han-bo-sung">{{LIMITS}} Khi gửi, cán bộ sẽ kiểm tra giấy tờ bổ sung rồi tiếp tục giải quyết hồ sơ.</p>
  <form class="form" method="post" action="{{ACTION_URL}}" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="phien_ban" value="{{VERSION}}">
    {{#SLOT}}
    <div class="field">
      <label for="{{PARAM}}">{{NAME}}</label>
      <input type="file" id="{{PARAM}}" name="{{PARAM}}" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby="gioi-han-bo-sung">
    </div>
    {{/SLOT}}
    <div class="actions">
      <button type="submit" class="button">Gửi giấy tờ bổ sung</button>
    </div>
  </form>
</section>
{{/SUPPLY}}
{{#RATE}}
<section class="panel" aria-labelledby="danh-gia">
  <h2 id="danh-gia">Đánh giá chất lượng phục vụ</h2>
  <form class="form" method="post" action="{{ACTION_URL}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <fieldset class="field{{#ERR_RATING}} field-invalid{{/ERR_RATING}}"{{#ERR_RATING}} aria-describedby="loi-diem"{{/ERR_RATING}}>
      <legend>Mức độ hài lòng <span class="req">(bắt buộc)</span></legend>
      {{#ERR_RATING}}<p class="field-error" id="loi-diem"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_RATING}}
      <p><input type="radio" id="diem-1" name="diem" value="1"{{#CHECKED_1}} checked{{/CHECKED_1}}> <label for="diem-1">1 sao: Rất không hài lòng</label></p>
      <p><input type="radio" id="diem-2" name="diem" value="2"{{#CHECKED_2}} checked{{/CHECKED_2}}> <label for="diem-2">2 sao: Không hài lòng</label></p>
      <p><input type="radio" id="diem-3" name="diem" value="3"{{#CHECKED_3}} checked{{/CHECKED_3}}> <label for="diem-3">3 sao: Bình thường</label></p>
      <p><input type="radio" id="diem-4" name="diem" value="4"{{#CHECKED_4}} checked{{/CHECKED_4}}> <label for="diem-4">4 sao: Hài lòng</label></p>
      <p><input type="radio" id="diem-5" name="diem" value="5"{{#CHECKED_5}} checked{{/CHECKED_5}}> <label for="diem-5">5 sao: Rất hài lòng</label></p>
    </fieldset>
    <div class="field{{#ERR_COMMENT}} field-invalid{{/ERR_COMMENT}}">
      <label for="nhan-xet">Nhận xét</label>
      <p class="hint" id="goi-y-nhan-xet">Không bắt buộc; tối đa 1.000 ký tự.</p>
      {{#ERR_COMMENT}}<p class="field-error" id="loi-nhan-xet"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_COMMENT}}
      <textarea id="nhan-xet" name="nhan_xet" rows="4" aria-describedby="goi-y-nhan-xet{{#ERR_COMMENT}} loi-nhan-xet{{/ERR_COMMENT}}"{{#ERR_COMMENT}} aria-invalid="true"{{/ERR_COMMENT}}>{{VAL_COMMENT}}</textarea>
    </div>
    <div class="actions">
      <button type="submit" class="button">Gửi đánh giá</button>
    </div>
  </form>
</section>
{{/RATE}}
{{#RATED}}
<section class="panel" aria-labelledby="da-danh-gia">
  <h2 id="da-danh-gia">Đánh giá của bạn</h2>
  <p>{{RATING}}/5 sao, lúc {{RATED_AT}}.</p>
  {{#COMMENT}}<p>{{TEXT}}</p>{{/COMMENT}}
</section>
{{/RATED}}
{{#WITHDRAW}}
<section class="panel" aria-labelledby="rut-ho-so">
  <h2 id="rut-ho-so">Rút hồ sơ</h2>
  <p class="form-note" id="ghi-chu-rut">Khi rút, hồ sơ dừng giải quyết và không thể tiếp tục; muốn giải quyết lại, bạn phải nộp hồ sơ mới.</p>
  <form class="form" method="post" action="{{ACTION_URL}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="phien_ban" value="{{VERSION}}">
    <div class="actions">
      <button type="submit" class="button button-secondary" aria-describedby="ghi-chu-rut">Rút hồ sơ</button>
    </div>
  </form>
</section>
{{/WITHDRAW}}
