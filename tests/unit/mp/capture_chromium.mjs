// Captures the multipart bodies chromium_quote_backslash and chromium_crlf
// (see README): Debian's chromium, driven by playwright-core from
// tests/browser (npm ci there first), submits a form to a route of the
// page that keeps the body.  Nothing goes over the network.
//
//   node tests/unit/mp/capture_chromium.mjs tests/unit/mp/chromium_quote_backslash
//   node tests/unit/mp/capture_chromium.mjs tests/unit/mp/chromium_crlf ctl
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(HERE, "..", "..", "browser", "package.json"));
const { chromium } = require("playwright-core");
const out = process.argv[2];
const CTL = process.argv[3] === "ctl";
const FORM = CTL ? `<!doctype html><meta charset="utf-8">
<form method="post" enctype="multipart/form-data" action="http://capture.test/post">
<input name='dong&#10;moi' value='a'>
<input type="file" name='tep2'>
<button>Go</button></form>` : `<!doctype html><meta charset="utf-8">
<form method="post" enctype="multipart/form-data" action="http://capture.test/post">
<input name='ten"x' value='giá "trị"'>
<input name='ghi\\' value='C:\\thư mục\\'>
<input type="file" name="tep">
<input type="file" name='tep2\\'>
<button>Go</button></form>`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-proxy-server"] });
const page = await browser.newPage();
let got = null;
await page.route("http://capture.test/**", async (route) => {
	const req = route.request();
	if (req.method() === "POST")
		got = { ct: req.headers()["content-type"], body: req.postDataBuffer() };
	await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8",
	    body: FORM });
});
await page.goto("http://capture.test/form");
if (!CTL)
	await page.setInputFiles('input[name="tep"]', { name: 'b\u1EA3n "v\u1EBD"\\.txt',
    mimeType: "text/plain", buffer: Buffer.from("xin chao\n") });
await page.setInputFiles(CTL ? 'input[name="tep2"]' : 'input[name="tep2\\\\"]', { name: CTL ? 'a\r\nb.txt' : 'du-lieu\\',
    mimeType: "application/octet-stream", buffer: Buffer.from([0, 1, 2, 13, 10, 45, 45]) });
await page.click("button");
for (let i = 0; i < 50 && got === null; i++)
	await new Promise((r) => setTimeout(r, 100));
writeFileSync(out + ".ct", got.ct);
writeFileSync(out, got.body);
await browser.close();
