{{%AUTOESCAPE context="HTML"}}
{{!
  A small search box (h/h_search.c answers it at /tim-kiem), for the site
  header and a unit's home: a labelled search input and a button.
  Include it with a dictionary of its own (tmpl_include(d, "SEARCH_BOX",
  "search_box.tpl")) that sets:
  BOX_ID: the input's id, unique on the page (e.g. "tim-kiem-dau-trang");
  IN_UNIT (optional section: UNIT_ID, UNIT_NAME): search only that unit
  (its articles and documents, and the procedures every unit handles).
}}
<form class="search-box" method="get" action="/tim-kiem" role="search" aria-label="Tìm kiếm{{#IN_UNIT}} trong {{UNIT_NAME}}{{/IN_UNIT}}">
  <label for="{{BOX_ID}}">Tìm kiếm{{#IN_UNIT}} trong {{UNIT_NAME}}{{/IN_UNIT}}</label>
  <input type="search" id="{{BOX_ID}}" name="q" maxlength="300" autocomplete="off" placeholder="Tin bài, văn bản, thủ tục…">
  {{#IN_UNIT}}<input type="hidden" name="don_vi" value="{{UNIT_ID}}">{{/IN_UNIT}}
  <button type="submit" class="button">Tìm</button>
</form>
