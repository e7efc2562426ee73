/* The newsroom's Markdown toolbar and live preview (progressive
 * enhancement: without JavaScript the body is a plain textarea and the
 * "Xem trước" button shows the preview page).  The preview is the
 * server's own rendering (the preview page, the public page's template),
 * so it is exactly what readers will see. */
(function () {
  'use strict';
  var bar = document.querySelector('.md-toolbar[data-for]');
  if (!bar) { return; }
  var area = document.getElementById(bar.getAttribute('data-for'));
  var form = area && area.form;
  if (!area || !form) { return; }

  /* Wraps the selection in before/after, or puts before at the start of
   * each selected line when after is null. */
  function apply(before, after, placeholder) {
    var s = area.selectionStart, e = area.selectionEnd, v = area.value;
    var sel = v.slice(s, e) || placeholder;
    var text;
    if (after === null) {
      var start = v.lastIndexOf('\n', s - 1) + 1;
      sel = v.slice(start, e) || placeholder;
      text = sel.split('\n').map(function (l) { return before + l; }).join('\n');
      area.value = v.slice(0, start) + text + v.slice(e);
      area.setSelectionRange(start, start + text.length);
    } else {
      text = before + sel + after;
      area.value = v.slice(0, s) + text + v.slice(e);
      area.setSelectionRange(s + before.length, s + before.length + sel.length);
    }
    area.focus();
    schedule();
  }

  var tools = [
    ['Đậm', function () { apply('**', '**', 'chữ đậm'); }],
    ['Nghiêng', function () { apply('*', '*', 'chữ nghiêng'); }],
    ['Tiêu đề mục', function () { apply('## ', null, 'Tiêu đề mục'); }],
    ['Danh sách', function () { apply('- ', null, 'mục'); }],
    ['Danh sách số', function () { apply('1. ', null, 'mục'); }],
    ['Trích dẫn', function () { apply('> ', null, 'trích dẫn'); }],
    ['Liên kết', function () {
      var url = window.prompt('Địa chỉ liên kết (https://…)', 'https://');
      if (url) { apply('[', '](' + url + ')', 'chữ của liên kết'); }
    }],
    ['Chèn ảnh/PDF', function () { picker.click(); }]
  ];

  /* "Chèn ảnh/PDF": the file goes to the upload page (as its own form
   * would send it), whose answer holds the Markdown to insert. */
  var picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = 'image/jpeg,image/png,image/webp,application/pdf';
  picker.hidden = true;
  bar.appendChild(picker);
  picker.addEventListener('change', function () {
    var file = picker.files && picker.files[0];
    if (!file) { return; }
    var fd = new FormData();
    fd.append('csrf', form.elements.csrf.value);
    fd.append('tep_chen', file);
    if (/^image\//.test(file.type)) {
      var alt = window.prompt('Mô tả ảnh (văn bản thay thế, bắt buộc):', '');
      if (!alt) { picker.value = ''; return; }
      fd.append('mo_ta_anh', alt);
    }
    fetch(bar.getAttribute('data-media'), {
      method: 'POST', body: fd, credentials: 'same-origin'
    }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var md = doc.querySelector('.md-snippet');
      var err = doc.querySelector('.field-error');
      if (md) { apply(md.textContent + '\n', '', ''); }
      else { window.alert(err ? err.textContent : 'Không tải lên được tệp.'); }
      picker.value = '';
    }).catch(function () { window.alert('Không tải lên được tệp.'); });
  });
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Định dạng nội dung');
  tools.forEach(function (t) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'button button-small button-secondary';
    b.textContent = t[0];
    b.addEventListener('click', t[1]);
    bar.appendChild(b);
  });
  bar.hidden = false;

  var pane = document.createElement('section');
  pane.className = 'md-preview';
  pane.setAttribute('aria-label', 'Xem trước nội dung');
  pane.setAttribute('aria-live', 'polite');
  var h = document.createElement('h2');
  h.textContent = 'Xem trước';
  var out = document.createElement('div');
  out.className = 'article-body';
  pane.appendChild(h);
  pane.appendChild(out);
  area.parentNode.appendChild(pane);

  var timer = null, seq = 0;
  function render() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    body.delete('hanh_dong');
    fetch(bar.getAttribute('data-preview'), {
      method: 'POST', body: body, credentials: 'same-origin'
    }).then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || mine !== seq) { return; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var got = doc.querySelector('.article .article-body');
        out.replaceChildren();
        if (got) {
          Array.prototype.forEach.call(got.childNodes, function (n) {
            out.appendChild(document.importNode(n, true));
          });
        }
      }).catch(function () {});
  }
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(render, 600);
  }
  area.addEventListener('input', schedule);
  render();
}());
