{{%AUTOESCAPE context="HTML"}}
{{!
  The receipt of an application submitted online, /ho-so/{code}/bien-nhan
  (BODY of layout.tpl): Giấy tiếp nhận hồ sơ và hẹn trả kết quả, laid out
  as Mẫu 01 (Circular 01/2018/TT-VPCP); printed, it is one A4 page.
  Keys: CODE, UNIT_NAME, APPLICANT, PHONE, PROC_NAME, PROC_CODE, SUBMITTED
  (date and time), SUBMITTED_DATE, DAYS (section: N), DUE (section: DATE)
  or NO_DUE (section), TRACK_URL (absolute), TRACK_PATH, QR_PATH, QR_SIZE,
  HAS_DOCS, DOC[] { NAME, COUNT, CERTIFIED or ORIGINAL, REQUIRED or
  OPTIONAL, FILES (section: NAMES, the files received) or NO_FILES }.
  ASSISTED (section: HELPER, the digital-team member who submitted it).
}}
<article class="receipt" aria-labelledby="tieu-de-bien-nhan">
  <header class="receipt-head">
    <div class="receipt-org">
      <p class="receipt-upper">Ủy ban nhân dân {{UNIT_NAME}}</p>
      <p class="receipt-upper receipt-strong">Bộ phận tiếp nhận và trả kết quả</p>
      <p>Số: {{CODE}}</p>
    </div>
    <div class="receipt-nation">
      <p class="receipt-upper receipt-strong">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
      <p class="receipt-strong">Độc lập - Tự do - Hạnh phúc</p>
      <p><em>{{SUBMITTED_DATE}}</em></p>
    </div>
  </header>
  <h1 id="tieu-de-bien-nhan" class="receipt-title">Giấy tiếp nhận hồ sơ và hẹn trả kết quả</h1>
  <p class="receipt-code">Mã hồ sơ: <strong>{{CODE}}</strong></p>
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
        <thead><tr><th scope="col">Tên giấy tờ</th><th scope="col">Hình thức</th><th scope="col">Số lượng</th></tr></thead>
        <tbody>
          <tr><td>Tờ khai (biểu mẫu điện tử)</td><td>Nộp trực tuyến</td><td>01</td></tr>
          {{#DOC}}<tr><td>{{NAME}}{{#OPTIONAL}} (nếu có){{/OPTIONAL}}</td><td>{{#CERTIFIED}}Bản sao có chứng thực{{/CERTIFIED}}{{#ORIGINAL}}Bản chính hoặc bản sao{{/ORIGINAL}}: {{#FILES}}đã nhận tệp điện tử {{NAMES}}{{/FILES}}{{#NO_FILES}}chưa nộp{{/NO_FILES}}</td><td>{{COUNT}}</td></tr>
          {{/DOC}}
        </tbody>
      </table>
    </li>
    <li>Số lượng hồ sơ: 01 (bộ).</li>
    <li>Thời gian giải quyết hồ sơ theo quy định: {{#DAYS}}{{N}} ngày làm việc.{{/DAYS}}{{#NO_DUE}}theo quy định của thủ tục; cán bộ một cửa sẽ hẹn ngày trả khi tiếp nhận.{{/NO_DUE}}</li>
    <li>Thời gian nhận hồ sơ: {{SUBMITTED}} (nộp trực tuyến).</li>
    {{#ASSISTED}}<li>Nộp với sự hỗ trợ của tổ công nghệ số: {{HELPER}}.</li>{{/ASSISTED}}
    {{#DUE}}<li>Thời gian trả kết quả giải quyết hồ sơ: <strong>ngày {{DATE}}</strong>.</li>{{/DUE}}
    <li>Nhận kết quả tại Bộ phận tiếp nhận và trả kết quả {{UNIT_NAME}}.</li>
  </ol>
  <p class="form-note">Hồ sơ nộp trực tuyến được cán bộ một cửa kiểm tra; nếu cần bổ sung, bạn sẽ được thông báo và ngày hẹn được tính lại.</p>
  <div class="receipt-track">
    <svg class="receipt-qr" viewBox="0 0 {{QR_SIZE}} {{QR_SIZE}}" width="132" height="132" role="img" aria-label="Mã QR tra cứu hồ sơ {{CODE}}" shape-rendering="crispEdges"><rect width="{{QR_SIZE}}" height="{{QR_SIZE}}" fill="#fff"/><path d="{{QR_PATH}}" fill="#000"/></svg>
    <p>Tra cứu tình trạng hồ sơ: quét mã QR hoặc mở <a href="{{TRACK_PATH}}">{{TRACK_URL}}</a>.</p>
  </div>
  <div class="receipt-signs">
    <div><p class="receipt-strong receipt-upper">Người nộp hồ sơ</p><p><em>(nộp trực tuyến)</em></p><p>{{APPLICANT}}</p></div>
    <div><p class="receipt-strong receipt-upper">Người tiếp nhận hồ sơ</p><p><em>(ký và ghi rõ họ tên khi tiếp nhận)</em></p></div>
  </div>
</article>
<div class="actions receipt-actions">
  <a class="button button-secondary" href="/tai-khoan">Về tài khoản của tôi</a>
</div>
