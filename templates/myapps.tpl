{{%AUTOESCAPE context="HTML"}}
{{!
  The signed-in person's applications, /ho-so (BODY of layout.tpl).
  Keys: NOTICE (section: MESSAGE),
  HAS_DRAFTS (section), DRAFT[] { PROCEDURE_NAME, UNIT_NAME, STATUS_NAME,
    CREATED, RESUME_URL },
  HAS_APPS (section), APP[] { CODE, URL, PROCEDURE_NAME, UNIT_NAME,
    STATUS_NAME, SUBMITTED, DUE_DATE, LATE (section) },
  NO_APPS (section).
}}
<div class="page-head">
  <h1>Hồ sơ của tôi</h1>
  <p class="page-lead">Các hồ sơ thủ tục hành chính bạn đã nộp hoặc đang soạn. Người khác có thể tra cứu tình trạng hồ sơ tại <a href="/tra-cuu">trang tra cứu</a> nếu có mã hồ sơ và 4 chữ số xác minh.</p>
</div>
{{#HAS_DRAFTS}}
<section aria-labelledby="ban-nhap">
  <h2 id="ban-nhap">Bản nháp chưa nộp</h2>
  <div class="table-wrap" role="region" aria-labelledby="bang-ban-nhap" tabindex="0">
    <table class="data-table">
      <caption id="bang-ban-nhap" class="visually-hidden">Hồ sơ đang soạn, chưa nộp</caption>
      <thead>
        <tr><th scope="col">Thủ tục</th><th scope="col">Đơn vị</th><th scope="col">Tạo lúc</th><th scope="col">Thao tác</th></tr>
      </thead>
      <tbody>
        {{#DRAFT}}
        <tr>
          <th scope="row">{{PROCEDURE_NAME}}</th>
          <td class="nowrap">{{UNIT_NAME}}</td>
          <td class="nowrap num">{{CREATED}}</td>
          <td class="nowrap"><a href="{{RESUME_URL}}">Tiếp tục soạn<span class="visually-hidden">: {{PROCEDURE_NAME}}</span></a></td>
        </tr>
        {{/DRAFT}}
      </tbody>
    </table>
  </div>
</section>
{{/HAS_DRAFTS}}
<section aria-labelledby="da-nop">
  <h2 id="da-nop">Hồ sơ đã nộp</h2>
  {{#NO_APPS}}<p class="empty">Bạn chưa nộp hồ sơ nào.</p>{{/NO_APPS}}
  {{#HAS_APPS}}
  <div class="table-wrap" role="region" aria-labelledby="bang-da-nop" tabindex="0">
    <table class="data-table">
      <caption id="bang-da-nop" class="visually-hidden">Hồ sơ đã nộp, mới nhất trước</caption>
      <thead>
        <tr><th scope="col">Mã hồ sơ</th><th scope="col">Thủ tục</th><th scope="col">Đơn vị</th><th scope="col">Trạng thái</th><th scope="col">Ngày nộp</th><th scope="col">Hẹn trả</th></tr>
      </thead>
      <tbody>
        {{#APP}}
        <tr>
          <th scope="row" class="nowrap"><a href="{{URL}}">{{CODE}}</a></th>
          <td class="cell-wide">{{PROCEDURE_NAME}}</td>
          <td class="nowrap">{{UNIT_NAME}}</td>
          <td>{{STATUS_NAME}}{{#LATE}} <strong>(quá hạn)</strong>{{/LATE}}</td>
          <td class="nowrap num">{{SUBMITTED}}</td>
          <td class="nowrap num">{{DUE_DATE}}</td>
        </tr>
        {{/APP}}
      </tbody>
    </table>
  </div>
  {{/HAS_APPS}}
</section>
