{{%AUTOESCAPE context="HTML"}}
{{!
  One document, /don-vi/{unit}/van-ban/{id} (BODY of layout.tpl).
  Keys: UNIT_NAV (include), UNIT_SLUG, NUMBER, TYPE, TITLE, ISSUER, SIGNER, ISSUED,
  ISSUED_ISO, EFFECTIVE, SUMMARY (plain text), PDF (section: URL, SIZE),
  NO_PDF (section).
}}
{{>UNIT_NAV}}
<article class="document">
  <h1>{{TYPE}} số {{NUMBER}}</h1>
  <p class="page-lead">{{TITLE}}</p>
  <dl class="facts">
    <dt>Số, ký hiệu</dt><dd>{{NUMBER}}</dd>
    <dt>Loại văn bản</dt><dd>{{TYPE}}</dd>
    <dt>Cơ quan ban hành</dt><dd>{{ISSUER}}</dd>
    <dt>Người ký</dt><dd>{{SIGNER}}</dd>
    <dt>Ngày ban hành</dt><dd><time datetime="{{ISSUED_ISO}}">{{ISSUED}}</time></dd>
    <dt>Ngày có hiệu lực</dt><dd>{{EFFECTIVE}}</dd>
    <dt>Trích yếu</dt><dd>{{TITLE}}</dd>
  </dl>
  <h2>Tóm tắt nội dung</h2>
  <p class="prewrap">{{SUMMARY}}</p>
  <h2>Tệp văn bản</h2>
  {{#PDF}}<p><a href="{{URL}}" type="application/pdf">Tải văn bản (PDF, {{SIZE}})</a></p>{{/PDF}}
  {{#NO_PDF}}<p class="empty">Văn bản chưa có tệp đính kèm.</p>{{/NO_PDF}}
  <p><a href="/don-vi/{{UNIT_SLUG}}/van-ban">Quay lại danh sách văn bản</a></p>
</article>
