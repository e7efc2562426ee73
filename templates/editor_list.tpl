{{%AUTOESCAPE context="HTML"}}
{{!
  The newsroom's list, /bien-tap/ (BODY of layout.tpl): the articles of
  the person's units, those awaiting approval first.
  Keys: FILTER[] { LABEL, URL, COUNT, CURRENT (section) }: the status
  filters; ARTICLE_ITEM[] { ID, TITLE, UNIT_NAME, KIND_LABEL,
  STATUS_LABEL, SCHEDULED (section: AT), UPDATED, EDIT_URL };
  NO_ARTICLES (section).
}}
<div class="toolbar">
  <h1>Biên tập tin bài</h1>
  <a class="button" href="/bien-tap/bai-viet/moi">Viết bài mới</a>
</div>
<p><a href="/bien-tap/chuyen-muc">Quản lý chuyên mục</a>{{#CONTENT_LINK}} · <a href="/bien-tap/noi-dung">Nội dung trang đơn vị</a> (giới thiệu, văn bản, lịch công tác, liên hệ, hỏi đáp){{/CONTENT_LINK}}</p>
<nav class="status-filters" aria-label="Lọc theo trạng thái">
  <ul>
    {{#FILTER}}
    <li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}} <span class="count">({{COUNT}})</span></a></li>
    {{/FILTER}}
  </ul>
</nav>
<section aria-labelledby="bai-viet">
  <h2 id="bai-viet">Bài viết</h2>
  {{#NO_ARTICLES}}
  <p class="empty">Không có bài viết nào ở đây. Chọn “Viết bài mới” để bắt đầu.</p>
  {{/NO_ARTICLES}}
  <div class="table-wrap" role="region" aria-labelledby="bang-bai-viet" tabindex="0">
    <table class="data-table">
      <caption id="bang-bai-viet" class="visually-hidden">Bài viết của các đơn vị bạn phụ trách, bài chờ duyệt lên đầu</caption>
      <thead>
        <tr><th scope="col">Tiêu đề</th><th scope="col">Loại</th><th scope="col">Đơn vị</th><th scope="col">Trạng thái</th><th scope="col">Cập nhật</th></tr>
      </thead>
      <tbody>
        {{#ARTICLE_ITEM}}
        <tr>
          <th scope="row"><a href="{{EDIT_URL}}">{{TITLE}}</a></th>
          <td class="nowrap">{{KIND_LABEL}}</td>
          <td class="nowrap">{{UNIT_NAME}}</td>
          <td class="nowrap">{{STATUS_LABEL}}{{#SCHEDULED}} (hẹn đăng {{AT}}){{/SCHEDULED}}</td>
          <td class="nowrap num">{{UPDATED}}</td>
        </tr>
        {{/ARTICLE_ITEM}}
      </tbody>
    </table>
  </div>
</section>
