/* Ward Portal — password strength estimate (progressive enhancement).
 *
 * For every <input data-strength="ID">, writes "Độ mạnh: …" into the
 * element with that id (an aria-live="polite" <p> or <output>) while the
 * person types, and sets its data-level (1–4) for the bar drawn by CSS.
 * Only an estimate from length (in code points) and variety of characters;
 * the server applies the real policy.  Without this script nothing breaks:
 * the hint under the field states the rules. */
(function () {
	"use strict";

	if (!document.querySelectorAll || !window.addEventListener)
		return;

	var LABELS = ["", "yếu", "trung bình", "khá", "mạnh"];

	function re(src, fallback) {
		try {
			return new RegExp(src, "u");
		} catch (e) {
			return fallback;	/* browsers without \p{…} */
		}
	}

	var LOWER = re("\\p{Ll}", /[a-z]/);
	var UPPER = re("\\p{Lu}", /[A-Z]/);
	var DIGIT = re("\\p{Nd}", /[0-9]/);
	var SPACE = /\s/;
	var LETTER = re("\\p{L}", /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/);

	function codePoints(s) {
		if (s.normalize)
			s = s.normalize("NFC");
		return Array.from ? Array.from(s) : s.split("");
	}

	/* Rough entropy: length × log2(size of the alphabets used), with the
	 * length counted no higher than twice the number of distinct
	 * characters (so "aaaaaaaaaaaa" stays weak), and runs of consecutive
	 * characters ("12345678", "abcdef") counted once. */
	function estimate(value) {
		var cps = codePoints(value);
		var n = cps.length;
		var pool = 0, seen = {}, distinct = 0, runs = 0;
		var lower = false, upper = false, digit = false, space = false,
		    other = false, symbol = false, i, c, code, prev = -2;

		for (i = 0; i < n; i++) {
			c = cps[i];
			code = c.codePointAt ? c.codePointAt(0) : c.charCodeAt(0);
			if (!seen[c]) {
				seen[c] = true;
				distinct++;
			}
			if (Math.abs(code - prev) === 1)
				runs++;
			prev = code;
			if (code > 127 && LETTER.test(c))
				other = true;	/* ă, ơ, ư, đ, ế … */
			else if (LOWER.test(c))
				lower = true;
			else if (UPPER.test(c))
				upper = true;
			else if (DIGIT.test(c))
				digit = true;
			else if (SPACE.test(c))
				space = true;
			else
				symbol = true;
		}
		if (lower) pool += 26;
		if (upper) pool += 26;
		if (digit) pool += 10;
		if (space) pool += 1;
		if (symbol) pool += 33;
		if (other) pool += 60;
		var len = Math.min(n - Math.floor(runs / 2), distinct * 2);
		var bits = len * Math.log(Math.max(pool, 2)) / Math.LN2;
		var level;
		if (n < 8 || bits < 40)
			level = 1;
		else if (bits < 60)
			level = 2;
		else if (bits < 80)
			level = 3;
		else
			level = 4;
		return { level: level, length: n };
	}

	function update(input, out) {
		var text = "", level = "";
		if (input.value !== "") {
			var r = estimate(input.value);
			level = String(r.level);
			text = "Độ mạnh: " + LABELS[r.level];
			if (r.length < 8)
				text += " (mới có " + r.length + " ký tự, cần ít nhất 8)";
			else if (r.length > 128)
				text += " (quá 128 ký tự)";
		}
		/* Write only on change: a live region repeats what it is given. */
		if (out.textContent !== text)
			out.textContent = text;
		if (level)
			out.setAttribute("data-level", level);
		else
			out.removeAttribute("data-level");
	}

	function init() {
		var inputs = document.querySelectorAll("input[data-strength]");
		for (var i = 0; i < inputs.length; i++) {
			(function (input) {
				var out = document.getElementById(
				    input.getAttribute("data-strength"));
				if (!out)
					return;
				if (!out.hasAttribute("aria-live"))
					out.setAttribute("aria-live", "polite");
				input.addEventListener("input", function () {
					update(input, out);
				});
				if (input.value !== "")
					update(input, out);
			})(inputs[i]);
		}
	}

	if (document.readyState === "loading")
		document.addEventListener("DOMContentLoaded", init);
	else
		init();
})();
