{{%AUTOESCAPE context="HTML"}}
{{!
  The editor's index of a unit's content pages, /bien-tap/noi-dung
  (BODY of layout.tpl).  Keys: UNIT_NAME, UNIT_SLUG, UNIT_ID, UNIT_PICK
  (section: PATH; UNIT_OPTION[] { VALUE, LABEL, SELECTED }), NOTICE.
}}
<h1>Nội dung trang {{UNIT_NAME}}</h1>
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
<ul class="link-list">
  <li><a href="/bien-tap/van-ban?don_vi={{UNIT_ID}}">Văn bản</a></li>
  <li><a href="/bien-tap/lich-cong-tac?don_vi={{UNIT_ID}}">Lịch công tác</a></li>
  <li><a href="/bien-tap/gioi-thieu?don_vi={{UNIT_ID}}">Trang giới thiệu</a></li>
  <li><a href="/bien-tap/lien-he?don_vi={{UNIT_ID}}">Danh bạ liên hệ</a></li>
  <li><a href="/bien-tap/hoi-dap?don_vi={{UNIT_ID}}">Hỏi đáp</a></li>
  <li><a href="/don-vi/{{UNIT_SLUG}}/">Xem trang của đơn vị</a></li>
</ul>
