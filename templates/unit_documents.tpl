{{%AUTOESCAPE context="HTML"}}
{{!
  A unit's documents, /don-vi/{unit}/van-ban (BODY of layout.tpl).
  Keys: UNIT_NAV (include), UNIT_NAME, UNIT_SLUG, YEAR_OPTION[] { YEAR, SELECTED },
  TYPE_OPTION[] { VALUE, LABEL, SELECTED }, DOC[] { URL, NUMBER, TYPE,
  TITLE, ISSUED, ISSUED_ISO }, NO_DOCS, TOTAL, PAGE, PAGES, PREV, NEXT
  (sections: URL).
}}
{{>UNIT_NAV}}
<h1>Văn bản chỉ đạo, điều hành</h1>
<form class="filters" method="get" action="/don-vi/{{UNIT_SLUG}}/van-ban">
  <div class="field">
    <label for="loc-nam">Năm ban hành</label>
    <select id="loc-nam" name="nam">
      <option value="">Tất cả các năm</option>
      {{#YEAR_OPTION}}<option value="{{YEAR}}"{{#SELECTED}} selected{{/SELECTED}}>{{YEAR}}</option>{{/YEAR_OPTION}}
    </select>
  </div>
  <div class="field">
    <label for="loc-loai">Loại văn bản</label>
    <select id="loc-loai" name="loai">
      <option value="">Tất cả các loại</option>
      {{#TYPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}
    </select>
  </div>
  <div class="actions"><button type="submit" class="button">Lọc</button></div>
</form>
<p class="result-count" role="status">{{TOTAL}} văn bản (trang {{PAGE}}/{{PAGES}}).</p>
{{#NO_DOCS}}<p class="empty">Không có văn bản nào phù hợp.</p>{{/NO_DOCS}}
<div class="table-wrap">
<table class="table documents">
  <caption class="visually-hidden">Danh sách văn bản</caption>
  <thead>
    <tr><th scope="col">Số, ký hiệu</th><th scope="col">Ngày ban hành</th><th scope="col">Loại</th><th scope="col">Trích yếu</th></tr>
  </thead>
  <tbody>
    {{#DOC}}
    <tr>
      <td><a href="{{URL}}">{{NUMBER}}</a></td>
      <td><time datetime="{{ISSUED_ISO}}">{{ISSUED}}</time></td>
      <td>{{TYPE}}</td>
      <td>{{TITLE}}</td>
    </tr>
    {{/DOC}}
  </tbody>
</table>
</div>
<nav class="pagination" aria-label="Phân trang">
  <ul>
    {{#PREV}}<li class="page-prev"><a href="{{URL}}" rel="prev">Trang trước</a></li>{{/PREV}}
    {{#NEXT}}<li class="page-next"><a href="{{URL}}" rel="next">Trang sau</a></li>{{/NEXT}}
  </ul>
</nav>
