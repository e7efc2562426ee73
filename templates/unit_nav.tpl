{{%AUTOESCAPE context="HTML"}}
{{!
  The navigation of a unit's website (the UNIT_NAV include of a unit's
  pages), filled from one table in C (h/sites.c sites_nav_rows): a new
  page of the unit is one row there.
  Keys: UNIT_NAME, NAV_ITEM[] { LABEL, URL, CURRENT (section) },
  SEARCH_BOX (include: search_box.tpl, scoped to the unit).
}}
<nav class="unit-nav" aria-label="Trang của {{UNIT_NAME}}">
  <ul>
    {{#NAV_ITEM}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/NAV_ITEM}}
  </ul>
  {{>SEARCH_BOX}}
</nav>
