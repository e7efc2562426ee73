/* Ward Portal — "In tờ khai" (progressive enhancement).
 *
 * Shows every <button data-print hidden> and makes it open the browser's
 * print dialog.  Without this script the button stays hidden and the text
 * beside it says to use the browser's own Print. */
(function () {
	"use strict";

	if (!document.querySelectorAll || !window.print)
		return;
	var buttons = document.querySelectorAll("button[data-print]");
	for (var i = 0; i < buttons.length; i++) {
		buttons[i].hidden = false;
		buttons[i].addEventListener("click", function () {
			window.print();
		});
	}
})();
