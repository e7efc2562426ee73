{{%AUTOESCAPE context="HTML"}}
{{!
  The editor's list of a unit's documents, /bien-tap/van-ban (BODY of
  layout.tpl).  Keys: the unit chooser (ed_content.tpl), DOC[] { URL,
  NUMBER, TITLE, ISSUED, STATUS }, NO_DOCS, TOTAL, PAGE, PAGES, PREV, NEXT.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/noi-dung?don_vi={{UNIT_ID}}">Nội dung trang đơn vị</a></li>
  </ol>
</nav>
<h1>Văn bản của {{UNIT_NAME}}</h1>
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
<p><a class="button" href="/bien-tap/van-ban/moi?don_vi={{UNIT_ID}}">Thêm văn bản</a></p>
<p class="result-count" role="status">{{TOTAL}} văn bản (trang {{PAGE}}/{{PAGES}}).</p>
{{#NO_DOCS}}<p class="empty">Chưa có văn bản.</p>{{/NO_DOCS}}
<div class="table-wrap">
<table class="table">
  <caption class="visually-hidden">Văn bản</caption>
  <thead><tr><th scope="col">Số, ký hiệu</th><th scope="col">Ngày ban hành</th><th scope="col">Trích yếu</th><th scope="col">Trạng thái</th></tr></thead>
  <tbody>
    {{#DOC}}<tr><td><a href="{{URL}}">{{NUMBER}}</a></td><td>{{ISSUED}}</td><td>{{TITLE}}</td><td>{{STATUS}}</td></tr>{{/DOC}}
  </tbody>
</table>
</div>
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
