{{%AUTOESCAPE context="HTML"}}
{{!
  The revisions of an article, /bien-tap/bai-viet/{id}/lich-su (BODY of
  layout.tpl), newest first.
  Keys: TITLE, EDIT_URL, REVISION[] { REV_ID, REV_URL, REV_TITLE,
  REV_STATUS, REV_EDITOR, REV_AT, REV_NOTE (section: NOTE) }.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/">Biên tập tin bài</a></li>
    <li><a href="{{EDIT_URL}}">{{TITLE}}</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>Lịch sử sửa đổi</h1>
  <p class="page-lead">Mỗi lần lưu là một phiên bản. Chọn một phiên bản để so sánh với nội dung hiện tại hoặc khôi phục.</p>
</div>
<div class="table-wrap" role="region" aria-labelledby="bang-phien-ban" tabindex="0">
  <table class="data-table">
    <caption id="bang-phien-ban" class="visually-hidden">Các phiên bản của bài viết, mới nhất trước</caption>
    <thead>
      <tr><th scope="col">Phiên bản</th><th scope="col">Thời gian</th><th scope="col">Người sửa</th><th scope="col">Trạng thái sau khi lưu</th><th scope="col">Ghi chú</th></tr>
    </thead>
    <tbody>
      {{#REVISION}}
      <tr>
        <th scope="row"><a href="{{REV_URL}}">#{{REV_ID}}: {{REV_TITLE}}</a></th>
        <td class="nowrap num">{{REV_AT}}</td>
        <td>{{REV_EDITOR}}</td>
        <td class="nowrap">{{REV_STATUS}}</td>
        <td class="prewrap">{{#REV_NOTE}}{{NOTE}}{{/REV_NOTE}}</td>
      </tr>
      {{/REVISION}}
    </tbody>
  </table>
</div>
