{{%AUTOESCAPE context="HTML"}}
{{!
  The categories of the person's units, /bien-tap/chuyen-muc (BODY of
  layout.tpl): add, rename, move up or down.
  Keys: CSRF, UNIT[] { UNIT_ID, UNIT_NAME, NO_CAT (section), CAT[] {
  CAT_ID, CAT_NAME, CAN_UP, CAN_DOWN (sections) } }.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/">Biên tập tin bài</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>Chuyên mục</h1>
</div>
{{>FORM_ERROR}}
{{#UNIT}}
<section class="panel" aria-labelledby="don-vi-{{UNIT_ID}}">
  <h2 id="don-vi-{{UNIT_ID}}">{{UNIT_NAME}}</h2>
  {{#NO_CAT}}<p class="empty">Đơn vị chưa có chuyên mục nào.</p>{{/NO_CAT}}
  <ol class="category-list">
    {{#CAT}}
    <li>
      <form class="inline-form" method="post" action="/bien-tap/chuyen-muc">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="chuyen_muc" value="{{CAT_ID}}">
        <label for="ten-{{CAT_ID}}" class="visually-hidden">Tên chuyên mục</label>
        <input type="text" id="ten-{{CAT_ID}}" name="ten_chuyen_muc" value="{{CAT_NAME}}" maxlength="100">
        <button type="submit" class="button button-small button-secondary" name="hanh_dong" value="doi-ten">Đổi tên</button>
        {{#CAN_UP}}<button type="submit" class="button button-small button-secondary" name="hanh_dong" value="len" aria-label="Chuyển {{CAT_NAME}} lên trên">Lên</button>{{/CAN_UP}}
        {{#CAN_DOWN}}<button type="submit" class="button button-small button-secondary" name="hanh_dong" value="xuong" aria-label="Chuyển {{CAT_NAME}} xuống dưới">Xuống</button>{{/CAN_DOWN}}
      </form>
    </li>
    {{/CAT}}
  </ol>
  <form class="form" method="post" action="/bien-tap/chuyen-muc">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="don_vi" value="{{UNIT_ID}}">
    <div class="field">
      <label for="moi-{{UNIT_ID}}">Thêm chuyên mục mới</label>
      <input type="text" id="moi-{{UNIT_ID}}" name="ten_chuyen_muc" maxlength="100">
    </div>
    <div class="actions">
      <button type="submit" class="button" name="hanh_dong" value="them">Thêm chuyên mục</button>
    </div>
  </form>
</section>
{{/UNIT}}
