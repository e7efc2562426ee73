{{%AUTOESCAPE context="HTML"}}
{{!
  The notifications of an application, /mot-cua/ho-so/{code}/thong-bao
  (BODY of layout.tpl), for the staff and leaders of its unit.
  Keys: CODE, PROCEDURE_NAME, STATUS_NAME,
  TABLE (section, when there are any: NOTICE[] { KIND, RECIPIENT
    (masked), SUBJECT, STATUS, STATUS_CLASS, ATTEMPTS, ERROR, CREATED,
    CREATED_ISO, SENT (section: AT, AT_ISO) }),
  NO_NOTICES (section).
}}
<nav class="breadcrumb" aria-label="Vị trí">
  <a href="/mot-cua/">Bộ phận một cửa</a> › <span aria-current="page">Thông báo của hồ sơ {{CODE}}</span>
</nav>
<div class="page-head">
  <h1>Thông báo của hồ sơ {{CODE}}</h1>
  <p class="page-lead">{{PROCEDURE_NAME}}. Trạng thái hiện tại: <strong>{{STATUS_NAME}}</strong>.</p>
</div>
<section class="panel" aria-labelledby="thong-bao-da-gui">
  <h2 id="thong-bao-da-gui">Thư điện tử và tin nhắn gửi người nộp hồ sơ</h2>
  <p class="form-note">Mỗi lần hồ sơ đổi trạng thái, hệ thống gửi thư điện tử (đến địa chỉ đã xác nhận) và tin nhắn (đến số điện thoại) cho người nộp; lần gửi không thành công được thử lại sau một khoảng thời gian tăng dần. Thời gian theo giờ Việt Nam.</p>
  {{#NO_NOTICES}}
  <p class="empty">Chưa có thông báo nào cho hồ sơ này.</p>
  {{/NO_NOTICES}}
  {{#TABLE}}
  <div class="table-wrap" role="region" aria-labelledby="bang-thong-bao" tabindex="0">
    <table class="data-table">
      <caption id="bang-thong-bao">Các thông báo, mới nhất trước</caption>
      <thead>
        <tr><th scope="col">Tạo lúc</th><th scope="col">Loại</th><th scope="col">Người nhận</th><th scope="col">Tiêu đề</th><th scope="col">Trạng thái</th><th scope="col">Số lần gửi lỗi</th><th scope="col">Lỗi gần nhất</th><th scope="col">Đã gửi lúc</th></tr>
      </thead>
      <tbody>
        {{#NOTICE}}
        <tr class="notice-{{STATUS_CLASS}}">
          <td class="nowrap num"><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td>
          <td>{{KIND}}</td>
          <td class="nowrap">{{RECIPIENT}}</td>
          <td>{{SUBJECT}}</td>
          <td><strong>{{STATUS}}</strong></td>
          <td class="num">{{ATTEMPTS}}</td>
          <td>{{ERROR}}</td>
          <td class="nowrap num">{{#SENT}}<time datetime="{{AT_ISO}}">{{AT}}</time>{{/SENT}}</td>
        </tr>
        {{/NOTICE}}
      </tbody>
    </table>
  </div>
  {{/TABLE}}
</section>
