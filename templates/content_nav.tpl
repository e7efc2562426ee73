{{%AUTOESCAPE context="HTML"}}
{{!
  The links between a unit's content pages (included as CONTENT_NAV by
  h/h_content.c): UNIT_SLUG, UNIT_NAME; NAV_* (sections): the page shown.
}}
<nav class="content-nav" aria-label="Thông tin của {{UNIT_NAME}}">
  <ul>
    <li><a href="/don-vi/{{UNIT_SLUG}}/">Trang chủ đơn vị</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/gioi-thieu"{{#NAV_GIOI_THIEU}} aria-current="page"{{/NAV_GIOI_THIEU}}>Giới thiệu</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/van-ban"{{#NAV_VAN_BAN}} aria-current="page"{{/NAV_VAN_BAN}}>Văn bản</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/lich-cong-tac"{{#NAV_LICH}} aria-current="page"{{/NAV_LICH}}>Lịch công tác</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/hoi-dap"{{#NAV_HOI_DAP}} aria-current="page"{{/NAV_HOI_DAP}}>Hỏi đáp</a></li>
    <li><a href="/don-vi/{{UNIT_SLUG}}/lien-he"{{#NAV_LIEN_HE}} aria-current="page"{{/NAV_LIEN_HE}}>Liên hệ</a></li>
  </ul>
</nav>
