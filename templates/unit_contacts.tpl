{{%AUTOESCAPE context="HTML"}}
{{!
  A unit's contacts directory, /don-vi/{unit}/lien-he (BODY of layout.tpl).
  Keys: UNIT_NAV (include), UNIT_NAME, CONTACT[] { TITLE, PERSON (NAME), PHONE
  (PHONE, TEL), EMAIL (EMAIL), ADDRESS (ADDRESS), HOURS (HOURS) },
  NO_CONTACTS.
}}
{{>UNIT_NAV}}
<h1>Liên hệ</h1>
{{#NO_CONTACTS}}<p class="empty">Chưa có thông tin liên hệ.</p>{{/NO_CONTACTS}}
<ul class="contacts">
  {{#CONTACT}}
  <li class="contact">
    <h2>{{TITLE}}</h2>
    <dl class="facts">
      {{#PERSON}}<dt>Họ và tên</dt><dd>{{NAME}}</dd>{{/PERSON}}
      {{#PHONE}}<dt>Điện thoại</dt><dd><a href="tel:{{TEL}}">{{PHONE}}</a></dd>{{/PHONE}}
      {{#EMAIL}}<dt>Thư điện tử</dt><dd><a href="mailto:{{EMAIL}}">{{EMAIL}}</a></dd>{{/EMAIL}}
      {{#ADDRESS}}<dt>Địa chỉ</dt><dd>{{ADDRESS}}</dd>{{/ADDRESS}}
      {{#HOURS}}<dt>Giờ làm việc</dt><dd>{{HOURS}}</dd>{{/HOURS}}
    </dl>
  </li>
  {{/CONTACT}}
</ul>
