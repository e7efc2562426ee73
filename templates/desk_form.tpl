{{%AUTOESCAPE context="HTML"}}
{{!
  A printable form of the one-stop desk, /mot-cua/ho-so/{code}/mau/{form}
  (BODY of layout.tpl; h/h_forms.c): the forms of Circular 01/2018/TT-VPCP
  filled from the application, one A4 page each, laid out and printed as
  the receipt (.receipt: static/css/site.css, "The printed documents").
  Keys: TITLE, FORM_NO ("01"), UNIT_UPPER (in capitals), UNIT_NAME,
  NUMBER, PLACE, DAY, MONTH, YEAR, CODE, APPLICANT, PHONE, PROC_NAME,
  PROC_CODE, STAFF (section: NAME, who received, asked, refused...),
  SIGN01..SIGN05 (the signature block of the form shown), and the form's
  own section:
  MAU01 { RECEIVED, AT_COUNTER or ONLINE, DAYS (section: N), DUE
    (section: DATE) or NO_DUE, DOC[] { NAME, COUNT, FILES (section:
    NAMES) or NO_FILES } };
  MAU02, MAU03, MAU05 { RECEIVED (section: AT), LINE[] { TEXT } or
    NO_LINES };
  MAU04 { RECEIVED, OLD_DUE (section: DATE), NEW_DUE (section: DATE),
    LINE[] { TEXT } or NO_LINES }.
}}
<div class="actions receipt-actions">
  <p><a href="/mot-cua/">‹ Về bộ phận một cửa</a></p>
  <p>Dùng chức năng In của trình duyệt (Ctrl+P; trên điện thoại: menu › In hoặc Chia sẻ › In) để in phiếu trên khổ giấy A4, rồi ký và ghi rõ họ tên.</p>
  <button type="button" class="button" data-print hidden>In phiếu</button>
</div>
<article class="receipt" aria-labelledby="tieu-de-phieu">
  <header class="receipt-head">
    <div class="receipt-org">
      <p>ỦY BAN NHÂN DÂN {{UNIT_UPPER}}</p>
      <p class="receipt-strong">BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ</p>
      <p>Số: {{NUMBER}}</p>
    </div>
    <div class="receipt-nation">
      <p class="receipt-strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
      <p class="receipt-strong">Độc lập - Tự do - Hạnh phúc</p>
      <p><em>{{PLACE}}, ngày {{DAY}} tháng {{MONTH}} năm {{YEAR}}</em></p>
    </div>
  </header>
  <p class="receipt-code"><small>Mẫu số {{FORM_NO}}</small></p>
  <h1 id="tieu-de-phieu" class="receipt-title">{{TITLE}}</h1>
  <p class="receipt-code">Mã hồ sơ: <strong>{{CODE}}</strong></p>
  {{#MAU01}}
  <p>Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}} tiếp nhận hồ sơ của:</p>
  <dl class="facts receipt-facts">
    <dt>Ông/Bà</dt><dd>{{APPLICANT}}</dd>
    <dt>Số điện thoại</dt><dd>{{PHONE}}</dd>
    <dt>Nội dung yêu cầu giải quyết</dt><dd>{{PROC_NAME}} (mã thủ tục {{PROC_CODE}})</dd>
  </dl>
  <ol class="receipt-list">
    <li>Thành phần hồ sơ nộp gồm:
      <table class="data-table receipt-docs">
        <caption class="visually-hidden">Thành phần hồ sơ</caption>
        <thead><tr><th scope="col">Tên giấy tờ</th><th scope="col">Tệp đã nhận</th><th scope="col">Số lượng</th></tr></thead>
        <tbody>
          {{#DOC}}<tr><td>{{NAME}}</td><td>{{#FILES}}{{NAMES}}{{/FILES}}{{#NO_FILES}}chưa nộp{{/NO_FILES}}</td><td>{{COUNT}}</td></tr>
          {{/DOC}}
        </tbody>
      </table>
    </li>
    <li>Số lượng hồ sơ: 01 (bộ).</li>
    <li>Thời gian giải quyết hồ sơ theo quy định: {{#DAYS}}{{N}} ngày làm việc.{{/DAYS}}{{#NO_DUE}}theo quy định của thủ tục.{{/NO_DUE}}</li>
    <li>Thời gian nhận hồ sơ: {{RECEIVED}}{{#AT_COUNTER}} (nộp trực tiếp tại bộ phận một cửa){{/AT_COUNTER}}{{#ONLINE}} (nộp trực tuyến){{/ONLINE}}.</li>
    {{#DUE}}<li>Thời gian trả kết quả giải quyết hồ sơ: <strong>ngày {{DATE}}</strong>.</li>{{/DUE}}
    <li>Nhận kết quả tại Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}}.</li>
  </ol>
  {{/MAU01}}
  {{#MAU02}}
  <p>Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}} đã tiếp nhận hồ sơ của:</p>
  <dl class="facts receipt-facts">
    <dt>Ông/Bà</dt><dd>{{APPLICANT}}</dd>
    <dt>Số điện thoại</dt><dd>{{PHONE}}</dd>
    <dt>Nội dung yêu cầu giải quyết</dt><dd>{{PROC_NAME}} (mã thủ tục {{PROC_CODE}})</dd>
    {{#RECEIVED}}<dt>Thời gian nhận hồ sơ</dt><dd>{{AT}}</dd>{{/RECEIVED}}
  </dl>
  <p>Yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</p>
  <ol class="receipt-list">
    {{#LINE}}<li>{{TEXT}}</li>
    {{/LINE}}
  </ol>
  {{#NO_LINES}}<p>(Không ghi nội dung.)</p>{{/NO_LINES}}
  <p>Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}} để được hướng dẫn. Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.</p>
  {{/MAU02}}
  {{#MAU03}}
  <p>Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}} đã nhận hồ sơ của:</p>
  <dl class="facts receipt-facts">
    <dt>Ông/Bà</dt><dd>{{APPLICANT}}</dd>
    <dt>Số điện thoại</dt><dd>{{PHONE}}</dd>
    <dt>Nội dung yêu cầu giải quyết</dt><dd>{{PROC_NAME}} (mã thủ tục {{PROC_CODE}})</dd>
  </dl>
  <p>Qua xem xét, Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}} từ chối tiếp nhận, giải quyết hồ sơ này với lý do:</p>
  <ul class="receipt-list">
    {{#LINE}}<li>{{TEXT}}</li>
    {{/LINE}}
  </ul>
  {{#NO_LINES}}<p>(Không ghi lý do.)</p>{{/NO_LINES}}
  <p>Xin thông báo để Ông/Bà được biết và thực hiện.</p>
  {{/MAU03}}
  {{#MAU04}}
  <p>Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}} đã tiếp nhận hồ sơ của:</p>
  <dl class="facts receipt-facts">
    <dt>Ông/Bà</dt><dd>{{APPLICANT}}</dd>
    <dt>Số điện thoại</dt><dd>{{PHONE}}</dd>
    <dt>Nội dung yêu cầu giải quyết</dt><dd>{{PROC_NAME}} (mã thủ tục {{PROC_CODE}})</dd>
    <dt>Thời gian nhận hồ sơ</dt><dd>{{RECEIVED}}</dd>
    {{#OLD_DUE}}<dt>Thời gian hẹn trả kết quả</dt><dd>ngày {{DATE}}</dd>{{/OLD_DUE}}
  </dl>
  <p>Tuy nhiên đến nay, Ủy ban nhân dân {{UNIT_NAME}} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn. Lý do:</p>
  <ul class="receipt-list">
    {{#LINE}}<li>{{TEXT}}</li>
    {{/LINE}}
  </ul>
  {{#NO_LINES}}<p>(Không ghi lý do.)</p>{{/NO_LINES}}
  <p>Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Ủy ban nhân dân {{UNIT_NAME}} xin lỗi Ông/Bà{{#NEW_DUE}} và hẹn lại thời gian trả kết quả vào <strong>ngày {{DATE}}</strong>{{/NEW_DUE}}.</p>
  {{/MAU04}}
  {{#MAU05}}
  <p>Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}} thông báo dừng giải quyết hồ sơ của:</p>
  <dl class="facts receipt-facts">
    <dt>Ông/Bà</dt><dd>{{APPLICANT}}</dd>
    <dt>Số điện thoại</dt><dd>{{PHONE}}</dd>
    <dt>Nội dung yêu cầu giải quyết</dt><dd>{{PROC_NAME}} (mã thủ tục {{PROC_CODE}})</dd>
    {{#RECEIVED}}<dt>Thời gian nhận hồ sơ</dt><dd>{{AT}}</dd>{{/RECEIVED}}
  </dl>
  <p>Lý do dừng giải quyết:</p>
  <ul class="receipt-list">
    {{#LINE}}<li>{{TEXT}}</li>
    {{/LINE}}
  </ul>
  {{#NO_LINES}}<p>(Không ghi lý do.)</p>{{/NO_LINES}}
  <p>Xin thông báo để Ông/Bà được biết.</p>
  {{/MAU05}}
  <div class="receipt-signs">
    <div>
      <p class="receipt-strong">{{#SIGN01}}NGƯỜI NỘP HỒ SƠ{{/SIGN01}}{{#SIGN02}}NGƯỜI NHẬN PHIẾU{{/SIGN02}}{{#SIGN03}}NGƯỜI NHẬN PHIẾU{{/SIGN03}}{{#SIGN04}}NGƯỜI NHẬN PHIẾU{{/SIGN04}}{{#SIGN05}}NGƯỜI NHẬN PHIẾU{{/SIGN05}}</p>
      <p><em>(ký và ghi rõ họ tên)</em></p>
      <p class="desk-form-name">{{APPLICANT}}</p>
    </div>
    <div>
      <p class="receipt-strong">{{#SIGN01}}NGƯỜI TIẾP NHẬN HỒ SƠ{{/SIGN01}}{{#SIGN02}}NGƯỜI HƯỚNG DẪN{{/SIGN02}}{{#SIGN03}}NGƯỜI TIẾP NHẬN HỒ SƠ{{/SIGN03}}{{#SIGN04}}THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ{{/SIGN04}}{{#SIGN05}}NGƯỜI THÔNG BÁO{{/SIGN05}}</p>
      <p><em>(ký và ghi rõ họ tên{{#SIGN04}}, đóng dấu{{/SIGN04}})</em></p>
      {{#STAFF}}<p class="desk-form-name">{{NAME}}</p>{{/STAFF}}
    </div>
  </div>
</article>
<script src="/static/js/print.js" defer></script>
