{{%AUTOESCAPE context="HTML"}}
{{!
  One procedure, /thu-tuc/{code} (BODY of layout.tpl): the fields the
  law requires of a published procedure.
  Keys: CODE, NAME, SECTOR, SECTOR_URL, ONLINE_LABEL, VERSION, UPDATED,
  LEVEL, BODY, APPLICANTS (sections: TEXT),
  PENDING (section: a catalogue entry, details to be published),
  PUBLISHED (section: DAYS (section: DAYS), DAYS_BY_CHANNEL (section),
  STEP[] { TEXT }, CHANNEL[] { NAME, TIME, FEE },
  DOC[] { NAME, QUANTITY (section: QUANTITY), TEMPLATE (section: URL),
  TOKHAI (section: URL of /thu-tuc/CODE/to-khai, beside the first
  document named "Tờ khai ...") },
  TOKHAI_BELOW (section: URL, the same when no document is so named),
  LEGAL[] { TEXT }, FEES, RESULT, CONDITIONS (sections: TEXT)),
  TOKHAI_PENDING (section: URL, the same for a version not published),
  APPLY_ONLINE (section: URL of /thu-tuc/CODE/nop; when the version in
  force has an e-form and can be done online, fully or in part).
  The declaration is linked only when the version in force has an e-form.
}}
<article class="procedure">
  <p class="breadcrumb"><a href="/thu-tuc">Thủ tục hành chính</a> › <a href="{{SECTOR_URL}}">{{SECTOR}}</a></p>
  <h1>{{NAME}}</h1>
  <dl class="proc-facts">
    <dt>Mã thủ tục</dt><dd>{{CODE}}</dd>
    <dt>Lĩnh vực</dt><dd>{{SECTOR}}</dd>
    {{#LEVEL}}<dt>Cấp thực hiện</dt><dd>{{TEXT}}</dd>{{/LEVEL}}
    {{#BODY}}<dt>Cơ quan thực hiện</dt><dd>{{TEXT}}</dd>{{/BODY}}
    <dt>Mức độ trực tuyến</dt><dd>{{ONLINE_LABEL}}</dd>
    {{#PUBLISHED}}<dt>Thời hạn giải quyết</dt><dd>{{#DAYS}}{{DAYS}} ngày làm việc{{/DAYS}}{{#DAYS_BY_CHANNEL}}Theo từng cách thức thực hiện (xem bên dưới){{/DAYS_BY_CHANNEL}}</dd>{{/PUBLISHED}}
  </dl>
  {{#APPLY_ONLINE}}
  <p class="actions"><a class="button" href="{{URL}}">Nộp hồ sơ trực tuyến</a></p>
  {{/APPLY_ONLINE}}
  {{#PENDING}}
  <div class="notice" role="note">
    <p>Thông tin chi tiết của thủ tục này (trình tự, thành phần hồ sơ, thời hạn, phí, lệ phí, căn cứ pháp lý) sẽ được đơn vị công bố. Vui lòng liên hệ bộ phận một cửa của phường, xã để được hướng dẫn.</p>
  </div>
  {{/PENDING}}
  {{#TOKHAI_PENDING}}<p class="proc-tokhai"><a href="{{URL}}">Tải/in mẫu tờ khai</a></p>{{/TOKHAI_PENDING}}
  {{#APPLICANTS}}<h2>Đối tượng thực hiện</h2><p>{{TEXT}}</p>{{/APPLICANTS}}
  {{#PUBLISHED}}
  <h2>Trình tự thực hiện</h2>
  <ol class="proc-steps">
    {{#STEP}}<li>{{TEXT}}</li>
    {{/STEP}}
  </ol>
  <h2>Cách thức thực hiện</h2>
  <div class="table-wrap" role="region" aria-labelledby="bang-cach-thuc" tabindex="0">
    <table class="data-table">
      <caption id="bang-cach-thuc">Cách thức, thời hạn giải quyết và phí, lệ phí</caption>
      <thead><tr><th scope="col">Cách thức</th><th scope="col">Thời hạn giải quyết</th><th scope="col">Phí, lệ phí</th></tr></thead>
      <tbody>
        {{#CHANNEL}}<tr><th scope="row">{{NAME}}</th><td>{{TIME}}</td><td>{{FEE}}</td></tr>
        {{/CHANNEL}}
      </tbody>
    </table>
  </div>
  <h2>Thành phần hồ sơ</h2>
  <ul class="proc-docs">
    {{#DOC}}<li>{{NAME}}{{#QUANTITY}} <span class="proc-qty">— Số lượng: {{QUANTITY}}</span>{{/QUANTITY}}{{#TEMPLATE}} <a href="{{URL}}" download>Tải mẫu đơn, tờ khai</a>{{/TEMPLATE}}{{#TOKHAI}} <a class="proc-tokhai" href="{{URL}}">Tải/in mẫu tờ khai</a>{{/TOKHAI}}</li>
    {{/DOC}}
  </ul>
  {{#TOKHAI_BELOW}}<p class="proc-tokhai"><a href="{{URL}}">Tải/in mẫu tờ khai</a></p>{{/TOKHAI_BELOW}}
  {{#FEES}}<h2>Phí, lệ phí</h2><p class="pre-line">{{TEXT}}</p>{{/FEES}}
  {{#RESULT}}<h2>Kết quả thực hiện</h2><p>{{TEXT}}</p>{{/RESULT}}
  {{#CONDITIONS}}<h2>Yêu cầu, điều kiện thực hiện</h2><p>{{TEXT}}</p>{{/CONDITIONS}}
  <h2>Căn cứ pháp lý</h2>
  <ul class="proc-legal">
    {{#LEGAL}}<li>{{TEXT}}</li>
    {{/LEGAL}}
  </ul>
  {{/PUBLISHED}}
  <p class="proc-version">Phiên bản {{VERSION}}, cập nhật ngày {{UPDATED}}.</p>
</article>
