{{%AUTOESCAPE context="HTML"}}
{{!
  The alert at the top of a form that came back with errors (included as
  FORM_ERROR by http/resp.c): MESSAGE, and FIELDS (section) with one FIELD
  (FIELD_ID: the input's id; MESSAGE) per field in error, each a link to
  its input.
}}
<div class="alert" id="thong-bao-loi" role="alert" tabindex="-1" autofocus>
  <p class="alert-title">{{MESSAGE}}</p>
  {{#FIELDS}}<ul class="alert-list">
    {{#FIELD}}<li><a href="#{{FIELD_ID}}">{{MESSAGE}}</a></li>{{/FIELD}}
  </ul>{{/FIELDS}}
</div>
