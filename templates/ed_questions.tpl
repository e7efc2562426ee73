{{%AUTOESCAPE context="HTML"}}
{{!
  The editor's questions of a unit, /bien-tap/hoi-dap (BODY of layout.tpl).
  Keys: the unit chooser (ed_content.tpl), QUESTION[] { TITLE, ASKER, ASKED,
  STATUS, URL }, NO_QUESTIONS.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/noi-dung?don_vi={{UNIT_ID}}">Nội dung trang đơn vị</a></li>
  </ol>
</nav>
<h1>Hỏi đáp của {{UNIT_NAME}}</h1>
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
{{#NO_QUESTIONS}}<p class="empty">Chưa có câu hỏi.</p>{{/NO_QUESTIONS}}
<div class="table-wrap">
<table class="table">
  <caption class="visually-hidden">Câu hỏi</caption>
  <thead><tr><th scope="col">Câu hỏi</th><th scope="col">Người hỏi</th><th scope="col">Gửi lúc</th><th scope="col">Trạng thái</th></tr></thead>
  <tbody>
    {{#QUESTION}}<tr><td><a href="{{URL}}">{{TITLE}}</a></td><td>{{ASKER}}</td><td>{{ASKED}}</td><td>{{STATUS}}</td></tr>{{/QUESTION}}
  </tbody>
</table>
</div>
