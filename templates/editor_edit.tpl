{{%AUTOESCAPE context="HTML"}}
{{!
  An article in the newsroom, /bien-tap/bai-viet/{id} (BODY of
  layout.tpl): the form, and a button for each action the person may
  take now (app/article.c's table).
  Keys: CSRF, ACTION_URL, PREVIEW_URL, HISTORY_URL, MEDIA_URL (the
  upload page that gives the Markdown of an image or a PDF), VERSION, UNIT_NAME,
  STATUS_LABEL, VAL_TITLE, VAL_SUMMARY, VAL_BODY, VAL_ALT, VAL_EXPIRES,
  VAL_PUBLISH_AT, VAL_NOTE; KIND_NEWS, KIND_ANNOUNCEMENT, PINNED
  (sections: checked); CATEGORY_OPTION[] { VALUE, LABEL, SELECTED };
  REVIEW_NOTE (section: NOTE): the leader's comment of a return;
  SCHEDULED (section: AT); PUBLISHED (section: PUBLIC_URL); LEAD
  (section: LEAD_URL): the lead image; MAY_PUBLISH (section);
  BTN_SAVE, BTN_SUBMIT, BTN_PUBLISH, BTN_SCHEDULE, BTN_RETURN,
  BTN_UNPUBLISH, BTN_ARCHIVE (sections); ERR_TITLE, ERR_SUMMARY,
  ERR_BODY, ERR_ALT, ERR_LEAD, ERR_EXPIRES, ERR_PUBLISH_AT (sections:
  MESSAGE).
  Fields posted (multipart): csrf, phien_ban, loai, chuyen_muc, tieu_de,
  tom_tat, noi_dung, tep_anh (the lead image), mo_ta_anh, ghim, het_han,
  dang_luc, ghi_chu, hanh_dong.
}}
<nav class="breadcrumb" aria-label="Đường dẫn">
  <ol>
    <li><a href="/bien-tap/">Biên tập tin bài</a></li>
  </ol>
</nav>
<div class="page-head">
  <h1>Sửa bài viết</h1>
</div>
{{>FORM_ERROR}}
{{#REVIEW_NOTE}}
<div class="notice review-note" role="note" aria-labelledby="nhan-xet">
  <p><strong id="nhan-xet">Nhận xét của lãnh đạo khi trả lại bài:</strong></p>
  <p class="prewrap">{{NOTE}}</p>
</div>
{{/REVIEW_NOTE}}
<section class="panel" aria-labelledby="bai-viet">
  <h2 id="bai-viet" class="visually-hidden">Nội dung bài viết</h2>
  <dl class="facts">
    <dt>Đơn vị</dt>
    <dd>{{UNIT_NAME}}</dd>
    <dt>Trạng thái</dt>
    <dd>{{STATUS_LABEL}}{{#SCHEDULED}} – hẹn đăng lúc {{AT}}{{/SCHEDULED}}</dd>
  </dl>
  <p>{{#PUBLISHED}}<a href="{{PUBLIC_URL}}">Xem bài trên trang công khai</a> · {{/PUBLISHED}}<a href="{{PREVIEW_URL}}">Xem trước bản đã lưu</a> · <a href="{{HISTORY_URL}}">Lịch sử sửa đổi</a> · <a href="{{MEDIA_URL}}">Chèn ảnh hoặc tệp PDF vào nội dung</a></p>
  <form class="form" method="post" action="{{ACTION_URL}}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="phien_ban" value="{{VERSION}}">
    <fieldset class="field">
      <legend>Loại bài</legend>
      <label><input type="radio" name="loai" value="news"{{#KIND_NEWS}} checked{{/KIND_NEWS}}> Tin tức</label>
      <label><input type="radio" name="loai" value="announcement"{{#KIND_ANNOUNCEMENT}} checked{{/KIND_ANNOUNCEMENT}}> Thông báo</label>
    </fieldset>
    <div class="field">
      <label for="chuyen-muc">Chuyên mục</label>
      <select id="chuyen-muc" name="chuyen_muc">
        <option value="">(Không chọn)</option>
        {{#CATEGORY_OPTION}}
        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
        {{/CATEGORY_OPTION}}
      </select>
    </div>
    <div class="field{{#ERR_TITLE}} field-invalid{{/ERR_TITLE}}">
      <label for="tieu-de">Tiêu đề <span class="req">(bắt buộc)</span></label>
      {{#ERR_TITLE}}<p class="field-error" id="loi-tieu-de"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_TITLE}}
      <input type="text" id="tieu-de" class="input-wide" name="tieu_de" value="{{VAL_TITLE}}" autocomplete="off" required{{#ERR_TITLE}} aria-invalid="true" aria-describedby="loi-tieu-de"{{/ERR_TITLE}}>
    </div>
    <div class="field{{#ERR_SUMMARY}} field-invalid{{/ERR_SUMMARY}}">
      <label for="tom-tat">Tóm tắt</label>
      <p class="hint" id="goi-y-tom-tat">Không bắt buộc; tối đa 1.000 ký tự. Hiện trong danh sách tin và ở đầu bài.</p>
      {{#ERR_SUMMARY}}<p class="field-error" id="loi-tom-tat"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_SUMMARY}}
      <textarea id="tom-tat" name="tom_tat" rows="3" aria-describedby="goi-y-tom-tat{{#ERR_SUMMARY}} loi-tom-tat{{/ERR_SUMMARY}}"{{#ERR_SUMMARY}} aria-invalid="true"{{/ERR_SUMMARY}}>{{VAL_SUMMARY}}</textarea>
    </div>
    <div class="field{{#ERR_BODY}} field-invalid{{/ERR_BODY}}">
      <label for="noi-dung-bai">Nội dung <span class="req">(bắt buộc)</span></label>
      <p class="hint" id="goi-y-noi-dung">Viết bằng Markdown: một dòng trống giữa hai đoạn, **đậm**, *nghiêng*, ## tiêu đề mục, - danh sách, [chữ](https://địa-chỉ). Mã HTML không được hiển thị.</p>
      {{#ERR_BODY}}<p class="field-error" id="loi-noi-dung"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_BODY}}
      <div class="md-toolbar" data-for="noi-dung-bai" data-preview="{{PREVIEW_URL}}" data-media="{{MEDIA_URL}}" hidden></div>
      <textarea id="noi-dung-bai" name="noi_dung" rows="18" required aria-describedby="goi-y-noi-dung{{#ERR_BODY}} loi-noi-dung{{/ERR_BODY}}"{{#ERR_BODY}} aria-invalid="true"{{/ERR_BODY}}>{{VAL_BODY}}</textarea>
    </div>
    <fieldset class="field">
      <legend>Ảnh đại diện</legend>
      {{#LEAD}}<p><img class="lead-thumb" src="{{LEAD_URL}}" alt="Ảnh đại diện hiện tại" width="240"></p>{{/LEAD}}
      <div class="field{{#ERR_LEAD}} field-invalid{{/ERR_LEAD}}">
        <label for="anh-dai-dien">Tải lên ảnh đại diện (JPEG, PNG, WebP; thay ảnh hiện có)</label>
        {{#ERR_LEAD}}<p class="field-error" id="loi-anh-dai-dien"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_LEAD}}
        <input type="file" id="anh-dai-dien" name="tep_anh" accept="image/jpeg,image/png,image/webp"{{#ERR_LEAD}} aria-invalid="true" aria-describedby="loi-anh-dai-dien"{{/ERR_LEAD}}>
      </div>
      <div class="field{{#ERR_ALT}} field-invalid{{/ERR_ALT}}">
        <label for="mo-ta-anh">Mô tả ảnh (văn bản thay thế, bắt buộc khi có ảnh)</label>
        {{#ERR_ALT}}<p class="field-error" id="loi-mo-ta-anh"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_ALT}}
        <input type="text" id="mo-ta-anh" class="input-wide" name="mo_ta_anh" value="{{VAL_ALT}}"{{#ERR_ALT}} aria-invalid="true" aria-describedby="loi-mo-ta-anh"{{/ERR_ALT}}>
      </div>
    </fieldset>
    <fieldset class="field">
      <legend>Thông báo</legend>
      <p class="hint">Chỉ áp dụng cho bài loại Thông báo.</p>
      <label><input type="checkbox" name="ghim" value="1"{{#PINNED}} checked{{/PINNED}}> Ghim lên đầu trang đơn vị</label>
      <div class="field{{#ERR_EXPIRES}} field-invalid{{/ERR_EXPIRES}}">
        <label for="het-han">Hết hạn hiển thị lúc (giờ Việt Nam; để trống: không hết hạn)</label>
        {{#ERR_EXPIRES}}<p class="field-error" id="loi-het-han"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_EXPIRES}}
        <input type="datetime-local" id="het-han" name="het_han" value="{{VAL_EXPIRES}}"{{#ERR_EXPIRES}} aria-invalid="true" aria-describedby="loi-het-han"{{/ERR_EXPIRES}}>
      </div>
    </fieldset>
    <div class="field">
      <label for="ghi-chu">Ghi chú cho lần lưu này{{#BTN_RETURN}} (bắt buộc khi trả lại bài: lý do để biên tập viên sửa){{/BTN_RETURN}}</label>
      <textarea id="ghi-chu" name="ghi_chu" rows="3">{{VAL_NOTE}}</textarea>
    </div>
    {{#BTN_SCHEDULE}}
    <div class="field{{#ERR_PUBLISH_AT}} field-invalid{{/ERR_PUBLISH_AT}}">
      <label for="dang-luc">Hẹn giờ đăng lúc (giờ Việt Nam)</label>
      {{#ERR_PUBLISH_AT}}<p class="field-error" id="loi-dang-luc"><span class="visually-hidden">Lỗi: </span>{{MESSAGE}}</p>{{/ERR_PUBLISH_AT}}
      <input type="datetime-local" id="dang-luc" name="dang_luc" value="{{VAL_PUBLISH_AT}}"{{#ERR_PUBLISH_AT}} aria-invalid="true" aria-describedby="loi-dang-luc"{{/ERR_PUBLISH_AT}}>
    </div>
    {{/BTN_SCHEDULE}}
    <div class="actions">
      {{#BTN_SAVE}}<button type="submit" class="button button-secondary" name="hanh_dong" value="luu">Lưu</button>{{/BTN_SAVE}}
      <button type="submit" class="button button-secondary" formaction="{{PREVIEW_URL}}">Xem trước</button>
      {{#BTN_SUBMIT}}<button type="submit" class="button" name="hanh_dong" value="gui-duyet">Gửi duyệt</button>{{/BTN_SUBMIT}}
      {{#BTN_PUBLISH}}<button type="submit" class="button" name="hanh_dong" value="dang">Đăng ngay</button>{{/BTN_PUBLISH}}
      {{#BTN_SCHEDULE}}<button type="submit" class="button" name="hanh_dong" value="hen-gio">Hẹn giờ đăng</button>{{/BTN_SCHEDULE}}
      {{#BTN_RETURN}}<button type="submit" class="button button-secondary" name="hanh_dong" value="tra-lai">Trả lại cho biên tập viên</button>{{/BTN_RETURN}}
      {{#BTN_UNPUBLISH}}<button type="submit" class="button button-secondary" name="hanh_dong" value="go-bai">Gỡ bài</button>{{/BTN_UNPUBLISH}}
      {{#BTN_ARCHIVE}}<button type="submit" class="button button-secondary" name="hanh_dong" value="luu-tru">Lưu trữ</button>{{/BTN_ARCHIVE}}
      <a href="/bien-tap/">Quay lại danh sách</a>
    </div>
  </form>
</section>
<script src="/static/js/editor.js" defer></script>
