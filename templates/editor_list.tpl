{{%AUTOESCAPE context="HTML"}}
{{!
  Editor's desk, /bien-tap/ (BODY of layout.tpl).
  Keys: NOTICE (section: MESSAGE), MY_UNIT[] { UNIT_NAME },
  ARTICLE_ITEM[] { ID, TITLE, UNIT_NAME, STATUS_LABEL, UPDATED, EDIT_URL },
  NO_ARTICLES (section).
}}
<div class="toolbar">
  <h1>Biên tập tin bài</h1>
  <a class="button" href="/bien-tap/bai-viet/moi">Viết bài mới</a>
</div>
<section aria-labelledby="don-vi-phu-trach">
  <h2 id="don-vi-phu-trach">Đơn vị bạn phụ trách</h2>
  <ul class="plain-list">
    {{#MY_UNIT}}
    <li>{{UNIT_NAME}}</li>
    {{/MY_UNIT}}
  </ul>
</section>
<section aria-labelledby="bai-viet">
  <h2 id="bai-viet">Bài viết</h2>
  {{#NO_ARTICLES}}
  <p class="empty">Chưa có bài viết nào. Chọn “Viết bài mới” để bắt đầu.</p>
  {{/NO_ARTICLES}}
  <div class="table-wrap" role="region" aria-labelledby="bang-bai-viet" tabindex="0">
    <table class="data-table">
      <caption id="bang-bai-viet" class="visually-hidden">Bài viết của các đơn vị bạn phụ trách</caption>
      <thead>
        <tr><th scope="col">Tiêu đề</th><th scope="col">Đơn vị</th><th scope="col">Trạng thái</th><th scope="col">Cập nhật</th></tr>
      </thead>
      <tbody>
        {{#ARTICLE_ITEM}}
        <tr>
          <th scope="row"><a href="{{EDIT_URL}}">{{TITLE}}</a></th>
          <td class="nowrap">{{UNIT_NAME}}</td>
          <td class="nowrap">{{STATUS_LABEL}}</td>
          <td class="nowrap num">{{UPDATED}}</td>
        </tr>
        {{/ARTICLE_ITEM}}
      </tbody>
    </table>
  </div>
</section>
