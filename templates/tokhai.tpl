{{%AUTOESCAPE context="HTML"}}
{{!
  The printable blank declaration of a procedure, /thu-tuc/{code}/to-khai
  (BODY of layout.tpl), generated from the e-form of the version in force
  (h/h_tokhai.c); printed, the site's header, footer and the actions are
  left out (static/css/site.css, "The printable declaration").
  Keys: TITLE ("Tờ khai đăng ký khai sinh"), CODE, PROC_NAME, PROC_URL,
  GROUP[] { LEGEND, START (the number of its first field), FIELD[] { N,
  LABEL, REQUIRED (section), HELP (section: TEXT), and one of LINE, LONG
  (two lines), DATE, CHOICE (section: OPTION[] { TEXT }), ID_BOXES (all
  sections) } },
  HAS_DOCS or NO_DOCS (sections), DOC[] { NAME, COUNT, CERTIFIED or
  ORIGINAL, OPTIONAL (sections) }.
  No form element: the page is for paper.  The room to write (dotted lines,
  boxes) is hidden from screen readers; what is asked is said in words.
}}
<div class="actions tokhai-actions">
  <p><a href="{{PROC_URL}}">‹ Quay lại: {{PROC_NAME}}</a></p>
  <p>Dùng chức năng In của trình duyệt (Ctrl+P; trên điện thoại: menu › In hoặc Chia sẻ › In) để in tờ khai trên khổ giấy A4, rồi điền bằng tay và nộp tại bộ phận một cửa.</p>
  <button type="button" class="button" data-print hidden>In tờ khai</button>
</div>
<article class="tokhai" aria-labelledby="tieu-de-to-khai">
  <header class="tokhai-nation">
    <p class="receipt-upper receipt-strong">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
    <p class="receipt-strong">Độc lập - Tự do - Hạnh phúc</p>
  </header>
  <h1 id="tieu-de-to-khai" class="receipt-title">{{TITLE}}</h1>
  <p class="tokhai-code">(Mã thủ tục {{CODE}})</p>
  <p class="tokhai-to">Kính gửi: Ủy ban nhân dân <span class="tokhai-dots tokhai-inline" aria-hidden="true"></span><span class="visually-hidden">(ghi tên phường, xã)</span></p>
  <p class="tokhai-note">Mục có dấu (*) là bắt buộc.</p>
  {{#GROUP}}
  <section class="tokhai-group" aria-labelledby="nhom-{{START}}">
    <h2 id="nhom-{{START}}">{{LEGEND}}</h2>
    <ol class="tokhai-fields" start="{{START}}">
      {{#FIELD}}
      <li>
        <p class="tokhai-field"><span class="tokhai-label">{{LABEL}}{{#REQUIRED}} (*){{/REQUIRED}}:</span>
        {{#LINE}}<span class="tokhai-dots" aria-hidden="true"></span>{{/LINE}}
        {{#LONG}}<span class="tokhai-dots" aria-hidden="true"></span></p><p class="tokhai-field" aria-hidden="true"><span class="tokhai-dots"></span>{{/LONG}}
        {{#DATE}}<span class="tokhai-date">ngày <span class="tokhai-blank" aria-hidden="true">......</span> tháng <span class="tokhai-blank" aria-hidden="true">......</span> năm <span class="tokhai-blank" aria-hidden="true">..........</span></span>{{/DATE}}
        {{#CHOICE}}<span class="tokhai-choices">{{#OPTION}}<span class="tokhai-choice"><span aria-hidden="true">☐</span> {{TEXT}}</span> {{/OPTION}}</span><span class="visually-hidden">(đánh dấu vào một ô)</span>{{/CHOICE}}
        {{#ID_BOXES}}<span class="tokhai-boxes" aria-hidden="true"><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span><span></span></span><span class="visually-hidden">(12 ô, mỗi ô một chữ số)</span>{{/ID_BOXES}}
        </p>
        {{#HELP}}<p class="tokhai-help">{{TEXT}}</p>{{/HELP}}
      </li>
      {{/FIELD}}
    </ol>
  </section>
  {{/GROUP}}
  <section class="tokhai-group" aria-labelledby="giay-to-kem-theo">
    <h2 id="giay-to-kem-theo">Giấy tờ kèm theo</h2>
    {{#HAS_DOCS}}
    <ul class="tokhai-docs">
      {{#DOC}}<li>{{NAME}}{{#OPTIONAL}} (nếu có){{/OPTIONAL}} — {{#CERTIFIED}}bản sao có chứng thực{{/CERTIFIED}}{{#ORIGINAL}}bản chính hoặc bản sao{{/ORIGINAL}}, số lượng: {{COUNT}}.</li>
      {{/DOC}}
    </ul>
    {{/HAS_DOCS}}
    {{#NO_DOCS}}<p>Không có giấy tờ kèm theo.</p>{{/NO_DOCS}}
  </section>
  <p class="tokhai-pledge">Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời cam đoan của mình.</p>
  <div class="tokhai-sign">
    <p><em><span aria-hidden="true">..........</span><span class="visually-hidden">(địa danh)</span>, ngày <span aria-hidden="true">......</span> tháng <span aria-hidden="true">......</span> năm <span aria-hidden="true">..........</span></em></p>
    <p class="receipt-strong">Người khai</p>
    <p><em>(ký, ghi rõ họ tên)</em></p>
  </div>
</article>
<script src="/static/js/print.js" defer></script>
