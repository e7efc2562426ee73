{{%AUTOESCAPE context="HTML"}}
{{!
  The units that merged into others (BODY of layout.tpl).
  Keys: UNIT_ITEM[] { UNIT_NAME, UNIT_SLUG, UNIT_CODE, FROM, TO (its
  first and last days), FROM_ISO, TO_ISO (YYYY-MM-DD), SUCCESSOR (what it
  merged into), NOW (section: HOME_SLUG, HOME_NAME, the current unit it
  is part of now) }, NO_UNITS (section).
}}
<section class="units-earlier" aria-labelledby="don-vi-cu">
  <h1 id="don-vi-cu">Các đơn vị trước sáp nhập</h1>
  <p>Các phường, xã đã sáp nhập vào đơn vị khác. Tin bài của các đơn vị này vẫn được lưu giữ và đọc được tại trang của đơn vị mới.</p>
  {{#NO_UNITS}}<p class="empty">Chưa có đơn vị nào sáp nhập.</p>{{/NO_UNITS}}
  <ul class="unit-list earlier-list">
    {{#UNIT_ITEM}}
    <li>
      <h2 class="earlier-name">{{UNIT_NAME}} <span class="unit-code">Mã {{UNIT_CODE}}</span></h2>
      <p>Hoạt động từ <time datetime="{{FROM_ISO}}">{{FROM}}</time> đến <time datetime="{{TO_ISO}}">{{TO}}</time>; sáp nhập vào {{SUCCESSOR}}{{#NOW}}, nay thuộc <a href="/don-vi/{{HOME_SLUG}}/">{{HOME_NAME}}</a>{{/NOW}}.</p>
      <p><a href="/don-vi-cu/{{UNIT_SLUG}}">Tin bài của {{UNIT_NAME}} (lưu trữ)</a></p>
    </li>
    {{/UNIT_ITEM}}
  </ul>
</section>
