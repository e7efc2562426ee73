{{%AUTOESCAPE context="HTML"}}
{{!
  Page frame of every HTML page.  The page itself comes in through the
  BODY include (AddIncludeDictionary("BODY") + its file name).
  Keys: PAGE_TITLE, SITE_NAME, IS_HOME (section), UNIT (section: UNIT_NAME,
  UNIT_SLUG), CONTACT_NAME, CONTACT_ADDRESS, CONTACT_PHONE, CONTACT_PHONE_TEL,
  CONTACT_EMAIL.
  FEED (section: FEED_URL, FEED_TITLE): the page's Atom feed, as a link
  rel="alternate" in the head (h/sites.c sites_feed_link).
  Extra: NOT_HOME (section, shown on every page except the home page) turns
  the title into "PAGE_TITLE – SITE_NAME"; ctemplate has no "else".
  Optional: NAV_TIN_TUC, NAV_DANG_NHAP, NAV_DANG_KY, NAV_TAI_KHOAN,
  NAV_BIEN_TAP, NAV_MOT_CUA, NAV_QUAN_TRI, NAV_THU_TUC, NAV_TIM_KIEM (sections) mark that menu item
  aria-current="page".
  Only pages that exist are linked: the tracking, statistics
  and search pages and the units' Atom feeds get their menu items, search
  form and feed link when they are built.
  Who is signed in (show exactly one of SIGNED_OUT / SIGNED_IN):
  SIGNED_OUT (section): "Đăng nhập" and "Đăng ký" links.
  SIGNED_IN (section: USER_NAME, CSRF): account link and the sign-out
  form (POST /dang-xuat).  CSRF may be set on the section or the layout.
  AREA_EDITOR, AREA_DESK, AREA_ADMIN (sections): links to the work areas
  of the roles the person holds.
  The head's extras (h/page.c: page_meta, page_head_link):
  HEAD_META_NAME[], HEAD_META_PROPERTY[] { KEY, CONTENT };
  HEAD_LINK[] { REL, HREF, LINK_TYPE (section: TYPE), LINK_TITLE
  (section: TITLE) }.
}}
<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{#NOT_HOME}}{{PAGE_TITLE}} – {{/NOT_HOME}}{{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/css/site.css">
<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">
{{#HEAD_META_NAME}}<meta name="{{KEY}}" content="{{CONTENT}}">
{{/HEAD_META_NAME}}{{#HEAD_META_PROPERTY}}<meta property="{{KEY}}" content="{{CONTENT}}">
{{/HEAD_META_PROPERTY}}{{#HEAD_LINK}}<link rel="{{REL}}" href="{{HREF}}"{{#LINK_TYPE}} type="{{TYPE}}"{{/LINK_TYPE}}{{#LINK_TITLE}} title="{{TITLE}}"{{/LINK_TITLE}}>
{{/HEAD_LINK}}{{#FEED}}<link rel="alternate" type="application/atom+xml" title="{{FEED_TITLE}}" href="{{FEED_URL}}">{{/FEED}}
</head>
<body>
<a class="skip-link" href="#noi-dung">Bỏ qua đến nội dung chính</a>
<header class="site-header">
  <div class="brand-band">
    <div class="wrap brand-row">
      <div class="brand">
        <img class="brand-logo" src="/static/img/logo.svg" alt="" width="56" height="56">
        <div class="brand-text">
          <a class="brand-site" href="/">{{SITE_NAME}}</a>
          {{#UNIT}}
          <a class="brand-unit" href="/don-vi/{{UNIT_SLUG}}/">{{UNIT_NAME}}</a>
          {{/UNIT}}
        </div>
      </div>
    </div>
  </div>
  <nav class="site-nav" aria-label="Điều hướng chính">
    <div class="wrap nav-inner">
      <ul class="nav-list">
        <li><a href="/"{{#IS_HOME}} aria-current="page"{{/IS_HOME}}>Trang chủ</a></li>
        <li><a href="{{#UNIT}}/don-vi/{{UNIT_SLUG}}{{/UNIT}}/tin-tuc"{{#NAV_TIN_TUC}} aria-current="page"{{/NAV_TIN_TUC}}>Tin tức</a></li>
        <li><a href="/thu-tuc"{{#NAV_THU_TUC}} aria-current="page"{{/NAV_THU_TUC}}>Thủ tục</a></li>
        <li><a href="/tra-cuu"{{#NAV_TRA_CUU}} aria-current="page"{{/NAV_TRA_CUU}}>Tra cứu hồ sơ</a></li>
        <li><a href="/thong-ke"{{#NAV_THONG_KE}} aria-current="page"{{/NAV_THONG_KE}}>Thống kê</a></li>
        <li><a href="/tim-kiem"{{#NAV_TIM_KIEM}} aria-current="page"{{/NAV_TIM_KIEM}}>Tìm kiếm</a></li>
      </ul>
      <ul class="nav-list nav-user">
        {{#SIGNED_OUT}}
        <li><a href="/dang-nhap"{{#NAV_DANG_NHAP}} aria-current="page"{{/NAV_DANG_NHAP}}>Đăng nhập</a></li>
        <li><a href="/dang-ky"{{#NAV_DANG_KY}} aria-current="page"{{/NAV_DANG_KY}}>Đăng ký</a></li>
        {{/SIGNED_OUT}}
        {{#AREA_EDITOR}}
        <li><a href="/bien-tap/"{{#NAV_BIEN_TAP}} aria-current="page"{{/NAV_BIEN_TAP}}>Biên tập</a></li>
        {{/AREA_EDITOR}}
        {{#AREA_DESK}}
        <li><a href="/mot-cua/"{{#NAV_MOT_CUA}} aria-current="page"{{/NAV_MOT_CUA}}>Một cửa</a></li>
        {{/AREA_DESK}}
        {{#AREA_ADMIN}}
        <li><a href="/quan-tri/nguoi-dung"{{#NAV_QUAN_TRI}} aria-current="page"{{/NAV_QUAN_TRI}}>Quản trị</a></li>
        {{/AREA_ADMIN}}
        {{#SIGNED_IN}}
        <li><a href="/ho-so"{{#NAV_HO_SO}} aria-current="page"{{/NAV_HO_SO}}>Hồ sơ của tôi</a></li>
        <li class="nav-account"><a href="/tai-khoan"{{#NAV_TAI_KHOAN}} aria-current="page"{{/NAV_TAI_KHOAN}}>Tài khoản: {{USER_NAME}}</a></li>
        <li>
          <form class="nav-form" method="post" action="/dang-xuat">
            <input type="hidden" name="csrf" value="{{CSRF}}">
            <button type="submit" class="nav-button">Đăng xuất</button>
          </form>
        </li>
        {{/SIGNED_IN}}
      </ul>
    </div>
  </nav>
</header>
<main id="noi-dung" class="wrap site-main" tabindex="-1">
{{#NOTICE}}<div class="notice" role="status"><p>{{MESSAGE}}</p></div>{{/NOTICE}}
{{>BODY}}
</main>
<footer class="site-footer">
  <div class="wrap footer-inner">
    <h2 class="footer-org">{{CONTACT_NAME}}</h2>
    <ul class="contact-list">
      <li><span class="contact-label">Địa chỉ:</span> {{CONTACT_ADDRESS}}</li>
      <li><span class="contact-label">Điện thoại:</span> <a href="tel:{{CONTACT_PHONE_TEL}}">{{CONTACT_PHONE}}</a></li>
      <li><span class="contact-label">Thư điện tử:</span> <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a></li>
    </ul>
    <ul class="footer-links">
      <li><a href="/tim-kiem">Tìm kiếm</a></li>
      <li><a href="/feed.atom" type="application/atom+xml">Tin mới (Atom)</a></li>
      <li><a href="/sitemap.xml">Sơ đồ trang (sitemap)</a></li>
      <li><a href="/don-vi-cu">Đơn vị trước sáp nhập</a></li>
    </ul>
    <p class="copyright">© Ủy ban nhân dân thành phố Phổ Yên</p>
  </div>
</footer>
</body>
</html>
