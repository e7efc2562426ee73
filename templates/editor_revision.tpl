{{%AUTOESCAPE context="HTML"}}
{{!
  One revision against the article's current text,
  /bien-tap/bai-viet/{id}/lich-su/{rev} (BODY of layout.tpl), and the
  form that restores it.
  Keys: CSRF, REV_ID, REV_AT, TITLE, EDIT_URL, HISTORY_URL, ACTION_URL,
  VERSION, DIFF_LINE[] { SAME, DEL, ADD (sections), TEXT }, NO_CHANGE
  (section).
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/">Biên tập tin bài</a></li>
    <li><a href="{{EDIT_URL}}">{{TITLE}}</a></li>
    <li><a href="{{HISTORY_URL}}">Lịch sử sửa đổi</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>Phiên bản #{{REV_ID}} ({{REV_AT}}) so với hiện tại</h1>
  <p class="page-lead">Dòng đánh dấu “−” chỉ có trong phiên bản #{{REV_ID}}; dòng đánh dấu “+” chỉ có trong nội dung hiện tại.</p>
</div>
{{#NO_CHANGE}}<p class="empty">Phiên bản này giống nội dung hiện tại.</p>{{/NO_CHANGE}}
<div class="diff" role="region" aria-label="So sánh từng dòng" tabindex="0">
  <ol class="diff-lines">
    {{#DIFF_LINE}}
    {{#SAME}}<li class="diff-same"><span class="visually-hidden">Không đổi: </span><span aria-hidden="true">  </span>{{TEXT}}</li>{{/SAME}}{{#DEL}}<li class="diff-del"><del><span class="visually-hidden">Chỉ có trong phiên bản cũ: </span><span aria-hidden="true">− </span>{{TEXT}}</del></li>{{/DEL}}{{#ADD}}<li class="diff-add"><ins><span class="visually-hidden">Chỉ có trong nội dung hiện tại: </span><span aria-hidden="true">+ </span>{{TEXT}}</ins></li>{{/ADD}}
    {{/DIFF_LINE}}
  </ol>
</div>
<form class="form" method="post" action="{{ACTION_URL}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="phien_ban" value="{{VERSION}}">
  <div class="actions">
    <button type="submit" class="button" name="hanh_dong" value="khoi-phuc">Khôi phục nội dung phiên bản #{{REV_ID}}</button>
    <a href="{{HISTORY_URL}}">Quay lại lịch sử</a>
  </div>
  <p class="hint">Khôi phục lưu nội dung cũ thành một phiên bản mới; không phiên bản nào bị xoá.</p>
</form>
