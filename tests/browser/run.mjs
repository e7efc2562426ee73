// Browser tests of Ward Portal: Debian's chromium (/usr/bin/chromium) driven
// by playwright-core, accessibility checked with axe-core.  Run by tests/run
// against the stack it started:
//
//   PORTAL_ROOT=… PORTAL_VAR=… PORTAL_PORT=… node tests/browser/run.mjs
//
// Prints one "PASS name" / "FAIL name" line per case (what tests/run counts),
// details of a failure indented under it, and exits non-zero on any failure.
// A failed case leaves a screenshot in $PORTAL_ROOT/var/browser/.
// Every wait is bounded (WAIT_MS), so is every case (CASE_MS) and the whole
// run (RUN_MS).  Nothing is downloaded: the browser is the system's.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const WAIT_MS = 10_000;
const CASE_MS = 60_000;
const RUN_MS = 180_000;
const CHROMIUM = process.env.PORTAL_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--no-proxy-server",
];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE_PATH = require.resolve("axe-core/axe.min.js");

const PORT = process.env.PORTAL_PORT;
const VAR = process.env.PORTAL_VAR;
const ROOT = process.env.PORTAL_ROOT || join(HERE, "..", "..");
if (!PORT || !/^[0-9]+$/.test(PORT) || !VAR) {
	console.log("FAIL browser environment (PORTAL_PORT and PORTAL_VAR must be set)");
	process.exit(2);
}
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = join(ROOT, "var", "browser");

// The profile (a fresh --user-data-dir that playwright makes under
// os.tmpdir()) and everything else of this run live in one directory,
// removed at the end.
const RUN_TMP = mkdtempSync(join(tmpdir(), "portal-browser-"));
process.env.TMPDIR = RUN_TMP;

const { chromium } = require("playwright-core");

let browser = null;
let passed = 0;
let failed = 0;

function cleanup() {
	try {
		rmSync(RUN_TMP, { recursive: true, force: true });
	} catch {
		/* best effort */
	}
}

// The whole run is bounded: on expiry say so and exit; playwright kills
// the browser it launched when the process exits.
const runTimer = setTimeout(() => {
	console.log(`FAIL browser run (not finished within ${RUN_MS / 1000} s)`);
	cleanup();
	process.exit(1);
}, RUN_MS);

function indent(text) {
	return String(text)
		.split("\n")
		.map((l) => "    " + l)
		.join("\n");
}

function fail(msg) {
	throw new Error(msg);
}

function check(cond, msg) {
	if (!cond) fail(msg);
}

function withTimeout(promise, ms, what) {
	let t;
	const timer = new Promise((_, reject) => {
		t = setTimeout(() => reject(new Error(`${what}: not done within ${ms / 1000} s`)), ms);
	});
	return Promise.race([promise, timer]).finally(() => clearTimeout(t));
}

function safeName(name) {
	return name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80);
}

// Runs one case.  fn receives t: t.context(opts) makes a browser context
// that is closed after the case, t.track(page) marks a page to screenshot
// when the case fails.
async function runCase(name, fn) {
	const pages = [];
	const contexts = [];
	const t = {
		track: (p) => (pages.push(p), p),
		context: async (opts) => {
			const c = await newContext(opts);
			contexts.push(c);
			return c;
		},
		page: async (opts) => t.track(await (await t.context(opts)).newPage()),
	};
	const started = Date.now();
	try {
		await withTimeout(fn(t), CASE_MS, name);
		passed++;
		console.log(`PASS ${name} (${Date.now() - started} ms)`);
	} catch (e) {
		failed++;
		console.log(`FAIL ${name}`);
		console.log(indent(e && e.stack ? e.stack.split("\n").slice(0, 6).join("\n") : e));
		for (const [i, p] of pages.entries()) {
			try {
				if (p.isClosed()) continue;
				mkdirSync(SHOTS, { recursive: true });
				const file = join(SHOTS, `${safeName(name)}${i ? "-" + i : ""}.png`);
				await withTimeout(p.screenshot({ path: file, fullPage: true }), WAIT_MS, "screenshot");
				console.log(`    url: ${p.url()}  screenshot: ${file}`);
			} catch {
				/* the page may be gone */
			}
		}
	} finally {
		for (const c of contexts) await withTimeout(c.close(), WAIT_MS, "closing a context").catch(() => {});
	}
}

async function newContext(opts = {}) {
	const c = await browser.newContext({ locale: "vi-VN", ...opts });
	c.setDefaultTimeout(WAIT_MS);
	c.setDefaultNavigationTimeout(WAIT_MS);
	return c;
}

async function goto(page, path, okStatus = [200]) {
	const resp = await page.goto(BASE + path, { waitUntil: "load" });
	check(resp, `no response for ${path}`);
	check(
		okStatus.includes(resp.status()),
		`GET ${path}: HTTP ${resp.status()}, expected ${okStatus.join("/")}`,
	);
	return resp;
}

// Waits for the navigation a click or key press starts and for the new page
// to load; returns its response.
async function submitAndWait(page, action) {
	const [resp] = await Promise.all([
		page.waitForNavigation({ waitUntil: "load", timeout: WAIT_MS }),
		action(),
	]);
	return resp;
}

function pathOf(page) {
	return new URL(page.url()).pathname;
}

async function headerText(page) {
	return (await page.locator("header.site-header").innerText()).replace(/\s+/g, " ");
}

function randomPhone() {
	let s = "098";
	for (let i = 0; i < 7; i++) s += Math.floor(Math.random() * 10);
	return s;
}

// The demo accounts' passwords, from accounts.txt written by portalctl seed.
function demoPassword(phone) {
	const file = join(VAR, "accounts.txt");
	const line = readFileSync(file, "utf8")
		.split("\n")
		.find((l) => l.includes(phone));
	check(line, `${phone} not in ${file}`);
	const m = line.match(/[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/);
	check(m, `no password on the line of ${phone} in ${file}`);
	return m[0];
}

// The page's error alert, if it shows one (without waiting for one).
async function errorText(page) {
	const alert = page.locator("[role=alert]");
	return (await alert.count()) ? (await alert.first().innerText()).trim() : "no error shown";
}

async function signIn(page, account, password) {
	await goto(page, "/dang-nhap");
	await page.fill("#tai-khoan", account);
	await page.fill("#mat-khau", password);
	const resp = await submitAndWait(page, () =>
		page.getByRole("button", { name: "Đăng nhập", exact: true }).click(),
	);
	check(
		pathOf(page) !== "/dang-nhap",
		`sign-in as ${account} stayed on /dang-nhap (HTTP ${resp && resp.status()}): ` +
			(await errorText(page)),
	);
}

async function signOut(page) {
	await submitAndWait(page, () =>
		page.locator("header.site-header").getByRole("button", { name: "Đăng xuất" }).click(),
	);
	const h = await headerText(page);
	check(/Đăng nhập/.test(h) && !/Đăng xuất/.test(h), `still signed in after "Đăng xuất": header says "${h}"`);
}

// ---- axe-core ---------------------------------------------------------

// Is axe injectable under the site's CSP (script-src 'self') with
// page.addScriptTag({path})?  Decided once, on the first page checked.
let axeNeedsBypass = null;

async function injectAxe(page) {
	try {
		await page.addScriptTag({ path: AXE_PATH });
	} catch {
		/* a CSP refusal may surface as an error or as nothing */
	}
	return page.evaluate(() => typeof window.axe === "object");
}

async function axeCheck(page) {
	check(await injectAxe(page), "axe-core could not be injected into the page");
	const result = await page.evaluate(
		(tags) =>
			window.axe.run(document, {
				runOnly: { type: "tag", values: tags },
				resultTypes: ["violations"],
			}),
		AXE_TAGS,
	);
	if (result.violations.length) {
		const lines = [];
		for (const v of result.violations) {
			lines.push(`${v.id} (${v.impact}): ${v.help}`);
			for (const n of v.nodes.slice(0, 5)) {
				lines.push(`  ${n.target.join(" ")}: ${(n.failureSummary || "").replace(/\s+/g, " ").slice(0, 200)}`);
			}
			if (v.nodes.length > 5) lines.push(`  … and ${v.nodes.length - 5} more`);
		}
		fail(`${result.violations.length} axe violation(s) on ${page.url()}:\n${lines.join("\n")}`);
	}
}

// A context for axe checks: a plain one where addScriptTag works under the
// CSP, else one with bypassCSP (for the axe cases only).
async function axeContext() {
	if (axeNeedsBypass === null) {
		const c = await newContext();
		try {
			const p = await c.newPage();
			await goto(p, "/");
			axeNeedsBypass = !(await injectAxe(p));
		} finally {
			await c.close();
		}
		console.log(
			axeNeedsBypass
				? "# axe-core: the CSP refuses an injected script; axe cases run with bypassCSP"
				: "# axe-core: injected with page.addScriptTag({path}) under the site's CSP",
		);
	}
	return newContext(axeNeedsBypass ? { bypassCSP: true } : {});
}

// ---- the cases --------------------------------------------------------

const PASSWORD = "đêm trăng sáng quê hương";
const FULL_NAME = "Nguyễn Văn Thử";
const PHONE_VIEW = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 3,
	isMobile: true,
	hasTouch: true,
};
let registered = null; // { phone, notice } of the person the first case made

async function caseRegisterSignOutSignIn(t) {
	const page = await t.page();
	const phone = randomPhone();
	await goto(page, "/dang-ky");
	await page.click("#ho-ten");
	await page.keyboard.type(FULL_NAME);
	const typed = await page.inputValue("#ho-ten");
	check(typed === FULL_NAME, `typed "${FULL_NAME}", the field holds "${typed}"`);
	await page.click("#dien-thoai");
	await page.keyboard.type(phone);
	await page.click("#mat-khau");
	await page.keyboard.type(PASSWORD);
	// password.js estimates the strength while one types.
	await page.waitForFunction(() => document.getElementById("do-manh-mat-khau").textContent !== "");
	await page.click("#mat-khau-nhap-lai");
	await page.keyboard.type(PASSWORD);
	const resp = await submitAndWait(page, () => page.keyboard.press("Enter"));
	check(
		pathOf(page) === "/tai-khoan",
		`after registering: at ${pathOf(page)} (HTTP ${resp && resp.status()}), not /tai-khoan; ` +
			(await errorText(page)),
	);
	const notice = page.locator(".notice[role=status]");
	registered = {
		phone,
		url: page.url(),
		notice: (await notice.count()) ? (await notice.innerText()).trim() : null,
	};
	check((await headerText(page)).includes(`Tài khoản: ${FULL_NAME}`), `the header does not show "${FULL_NAME}"`);
	check((await page.inputValue("#ho-ten")) === FULL_NAME, "the profile form does not hold the name");
	check((await page.locator("main").innerText()).includes(phone), "the account page does not show the phone");

	await signOut(page);
	const bye = page.locator(".notice[role=status]");
	registered.byeUrl = page.url();
	registered.bye = (await bye.count()) ? (await bye.innerText()).trim() : null;

	await goto(page, "/dang-nhap");
	await page.click("#tai-khoan");
	await page.keyboard.type(phone);
	await page.click("#mat-khau");
	await page.keyboard.type(PASSWORD);
	await submitAndWait(page, () => page.keyboard.press("Enter"));
	check(pathOf(page) !== "/dang-nhap", "signing in again failed: still on /dang-nhap");
	const h = await headerText(page);
	check(h.includes(`Tài khoản: ${FULL_NAME}`), `after signing in, the header says "${h}"`);
}

// Checked apart from the flow above so that the flow goes on without them.
async function caseRegisterNotice() {
	check(registered, "the registration case did not reach /tai-khoan");
	const problems = [];
	if (!registered.notice) problems.push(`no notice (.notice[role=status]) on ${registered.url} after registering`);
	else if (!/Đăng ký thành công/.test(registered.notice)) problems.push(`the notice on ${registered.url} says "${registered.notice}"`);
	if (registered.byeUrl) {
		if (!registered.bye) problems.push(`no notice (.notice[role=status]) on ${registered.byeUrl} after signing out`);
		else if (!/đã đăng xuất/i.test(registered.bye)) problems.push(`the notice on ${registered.byeUrl} says "${registered.bye}"`);
	}
	check(problems.length === 0, problems.join("\n"));
}

async function caseWrongPassword(t) {
	const page = await t.page();
	const phone = registered ? registered.phone : "0912000041";
	await goto(page, "/dang-nhap");
	await page.fill("#tai-khoan", phone);
	await page.fill("#mat-khau", "không phải mật khẩu này");
	const resp = await submitAndWait(page, () => page.keyboard.press("Enter"));
	check(resp && resp.status() === 422, `a wrong password answered HTTP ${resp && resp.status()}, not 422`);
	const alert = page.getByRole("alert");
	check((await alert.count()) === 1, `${await alert.count()} elements with role=alert, expected 1`);
	const text = (await alert.innerText()).trim();
	check(/mật khẩu/i.test(text) && /không đúng|sai/i.test(text), `the alert does not say the password is wrong: "${text}"`);
	// The alert takes focus (autofocus, tabindex=-1), so that it is read out.
	await page
		.waitForFunction(() => document.activeElement && document.activeElement.getAttribute("role") === "alert")
		.catch(() => {});
	const focused = await page.evaluate(() => {
		const a = document.activeElement;
		return a ? `${a.tagName.toLowerCase()}#${a.id}[role=${a.getAttribute("role")}]` : "nothing";
	});
	check(/\[role=alert\]$/.test(focused), `focus is on ${focused}, not on the alert`);
	check((await page.inputValue("#tai-khoan")) === phone, "the account field was not re-filled");
	check((await page.inputValue("#mat-khau")) === "", "the password field was re-filled");
	check(/Đăng nhập/.test(await headerText(page)), "the header does not offer Đăng nhập");
}

async function caseSkipLink(t) {
	const page = await t.page();
	await goto(page, "/");
	await page.keyboard.press("Tab");
	const first = await page.evaluate(() => {
		const a = document.activeElement;
		const r = a.getBoundingClientRect();
		return { tag: a.tagName, text: a.textContent.trim(), href: a.getAttribute("href"), top: r.top, bottom: r.bottom, h: r.height };
	});
	check(
		first.tag === "A" && first.text === "Bỏ qua đến nội dung chính" && first.href === "#noi-dung",
		`the first Tab focuses ${first.tag} "${first.text}" (${first.href}), not the skip link`,
	);
	check(first.top >= 0 && first.h > 0, `the focused skip link is not on screen (top ${first.top})`);
	await page.keyboard.press("Enter");
	await page.waitForFunction(() => location.hash === "#noi-dung");
	const active = await page.evaluate(() => document.activeElement && document.activeElement.id);
	check(active === "noi-dung", `after Enter on the skip link focus is on "#${active}", not #noi-dung`);
	// The next Tab goes on inside the main content, not back to the header.
	await page.keyboard.press("Tab");
	const inMain = await page.evaluate(() => !!document.activeElement.closest("main"));
	check(inMain, "the Tab after the skip link does not land in <main>");
}

// Tabs through a page from the top and checks that every visible link,
// button and form field is reached, each with a visible focus indicator.
async function tabThrough(page, path) {
	await goto(page, path);
	const want = await page.evaluate(() => {
		const sel = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])";
		const out = [];
		let i = 0;
		for (const el of document.querySelectorAll(sel)) {
			const s = getComputedStyle(el);
			const r = el.getBoundingClientRect();
			if (el.disabled || el.getAttribute("tabindex") === "-1") continue;
			if (s.visibility === "hidden" || s.display === "none") continue;
			if (r.width === 0 && r.height === 0) continue;
			el.setAttribute("data-tab-id", String(i));
			const label = (el.textContent || el.getAttribute("name") || el.id || "").trim().replace(/\s+/g, " ");
			out.push({ id: String(i), desc: `${el.tagName.toLowerCase()} "${label.slice(0, 40)}"` });
			i++;
		}
		return out;
	});
	const seen = new Set();
	const noIndicator = [];
	for (let n = 0; n < want.length + 20; n++) {
		await page.keyboard.press("Tab");
		const f = await page.evaluate(() => {
			const a = document.activeElement;
			if (!a || a === document.body) return null;
			const s = getComputedStyle(a);
			const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
			return { id: a.getAttribute("data-tab-id"), visible };
		});
		if (!f) break; // past the page's last element
		if (f.id === null) continue;
		if (seen.has(f.id)) break;
		seen.add(f.id);
		if (!f.visible) noIndicator.push(want.find((w) => w.id === f.id).desc);
	}
	const missed = want.filter((w) => !seen.has(w.id)).map((w) => w.desc);
	check(missed.length === 0, `${path}: not reachable with Tab: ${missed.join(", ")}`);
	check(noIndicator.length === 0, `${path}: no visible focus indicator on: ${noIndicator.join(", ")}`);
	return want.length;
}

async function caseKeyboardReach(t) {
	const page = await t.page();
	const n = await tabThrough(page, "/");
	check(n > 20, `only ${n} focusable elements on the home page`);
	await tabThrough(page, "/dang-ky");
	await tabThrough(page, "/dang-nhap");
}

async function firstArticlePath() {
	const ctx = await newContext();
	try {
		const page = await ctx.newPage();
		await goto(page, "/don-vi/ba-hang/");
		const href = await page.locator("main a[href*='/tin-tuc/']").first().getAttribute("href");
		check(href, "no article link on /don-vi/ba-hang/");
		return new URL(href, BASE).pathname;
	} finally {
		await ctx.close();
	}
}

// axe on a list of pages in one context (signed in by setup, if given);
// each page is one case.
async function axeCases(label, pages, setup) {
	let ctx = null;
	let setupError = null;
	let last = null;
	try {
		ctx = await axeContext();
		if (setup) await withTimeout(setup(ctx), CASE_MS, `${label}sign-in`);
	} catch (e) {
		setupError = e;
	}
	for (const p of pages) {
		const name = typeof p === "string" ? p : p.name;
		await runCase(`axe ${label}${name}`, async (t) => {
			if (setupError) throw setupError;
			if (last) await last.close();
			const page = (last = t.track(await ctx.newPage()));
			if (typeof p === "string") await goto(page, p);
			else await p.open(page);
			await axeCheck(page);
		});
	}
	if (ctx) await withTimeout(ctx.close(), WAIT_MS, "closing a context").catch(() => {});
}

async function signInContext(ctx, phone) {
	const page = await ctx.newPage();
	try {
		await signIn(page, phone, demoPassword(phone));
	} finally {
		await page.close();
	}
}

async function casePhoneNoScroll(t, paths) {
	const page = await t.page(PHONE_VIEW);
	const wide = [];
	for (const path of paths) {
		await goto(page, path, [200, 404]);
		const m = await page.evaluate(() => {
			const vw = window.innerWidth;
			const d = document.documentElement;
			let culprit = "";
			if (d.scrollWidth > vw) {
				for (const el of document.querySelectorAll("body *")) {
					const r = el.getBoundingClientRect();
					if (r.right > vw + 1) {
						culprit = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).split(" ").join(".") : ""} (right edge ${Math.round(r.right)})`;
						break;
					}
				}
			}
			return { sw: d.scrollWidth, vw, culprit };
		});
		if (m.sw > m.vw) wide.push(`${path}: scrollWidth ${m.sw} > innerWidth ${m.vw}; first too wide: ${m.culprit}`);
	}
	check(wide.length === 0, `horizontal scroll at 390 px:\n${wide.join("\n")}`);
}

async function casePhoneNav(t) {
	const page = await t.page(PHONE_VIEW);
	await goto(page, "/");
	const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
	// The menu links only pages that exist (procedures, tracking and
	// statistics join it when they are built).
	const items = ["Trang chủ", "Tin tức", "Đăng nhập", "Đăng ký"];
	const problems = [];
	for (const name of items) {
		const link = nav.getByRole("link", { name, exact: true });
		if ((await link.count()) !== 1) {
			problems.push(`"${name}": ${await link.count()} links`);
			continue;
		}
		await link.scrollIntoViewIfNeeded();
		const box = await link.boundingBox();
		if (!box) {
			problems.push(`"${name}": not displayed`);
			continue;
		}
		if (box.x < 0 || box.x + box.width > 390) problems.push(`"${name}": off the screen (x ${box.x}, width ${box.width})`);
		// WCAG 2.2's 2.5.8: a target of at least 24×24 CSS px.
		if (box.height < 24 || box.width < 24) problems.push(`"${name}": ${box.width}×${box.height} px, too small to tap`);
	}
	check(problems.length === 0, `the main navigation at 390 px:\n${problems.join("\n")}`);
	// A tap follows the link.
	await submitAndWait(page, () => nav.getByRole("link", { name: "Đăng nhập", exact: true }).tap());
	check(pathOf(page) === "/dang-nhap", `tapping "Đăng nhập" led to ${pathOf(page)}`);
	await submitAndWait(page, () => nav.getByRole("link", { name: "Trang chủ", exact: true }).tap());
	check(pathOf(page) === "/", `tapping "Trang chủ" led to ${pathOf(page)}`);
}

async function caseNoScript(t) {
	const page = await t.page({ javaScriptEnabled: false });
	const phone = randomPhone();
	const name = "Trần Thị Không Kịch Bản";
	const password = "sông cầu nước chảy lơ thơ";
	await goto(page, "/dang-ky");
	await page.fill("#ho-ten", name);
	await page.fill("#dien-thoai", phone);
	await page.fill("#mat-khau", password);
	await page.fill("#mat-khau-nhap-lai", password);
	const strength = (await page.locator("#do-manh-mat-khau").textContent()).trim();
	check(strength === "", `the strength meter says "${strength}" with JavaScript off`);
	await submitAndWait(page, () => page.getByRole("button", { name: "Đăng ký", exact: true }).click());
	check(pathOf(page) === "/tai-khoan", `after registering without JavaScript: at ${pathOf(page)}`);
	check((await headerText(page)).includes(`Tài khoản: ${name}`), "the header does not show the new name");
	await signOut(page);
	await signIn(page, phone, password);
	check((await headerText(page)).includes(`Tài khoản: ${name}`), "after signing in without JavaScript the header lacks the name");
}

// ---- main -------------------------------------------------------------

async function main() {
	const started = Date.now();
	if (!existsSync(CHROMIUM)) {
		failed++;
		console.log(`FAIL browser (chromium missing: ${CHROMIUM})`);
		return;
	}
	try {
		browser = await withTimeout(
			chromium.launch({
				executablePath: CHROMIUM,
				headless: true,
				chromiumSandbox: false,
				args: CHROMIUM_ARGS,
				timeout: 30_000,
			}),
			40_000,
			"launching chromium",
		);
	} catch (e) {
		failed++;
		console.log("FAIL browser launch");
		console.log(indent(e.message));
		return;
	}
	console.log(
		`# ${CHROMIUM} ${browser.version()}, playwright-core ${require("playwright-core/package.json").version}, ` +
			`axe-core ${require("axe-core/package.json").version}, node ${process.version}`,
	);

	await runCase("register in the browser (typed, Enter), sign out, sign in again", caseRegisterSignOutSignIn);
	await runCase("notices after registering (/tai-khoan) and signing out (/)", caseRegisterNotice);
	await runCase("wrong password: Vietnamese error in a focused role=alert", caseWrongPassword);
	await runCase("keyboard: first Tab is the skip link, Enter moves to #noi-dung", caseSkipLink);
	await runCase("keyboard: every link, button and field reachable with Tab, focus visible", caseKeyboardReach);

	let article = null;
	let articleError = null;
	try {
		article = await withTimeout(firstArticlePath(), CASE_MS, "finding an article");
	} catch (e) {
		articleError = e;
	}
	await axeCases("", [
		"/",
		"/don-vi/ba-hang/",
		article
			? article
			: { name: "article page", open: () => Promise.reject(articleError) },
		"/dang-nhap",
		{
			name: "/dang-nhap (wrong password)",
			open: async (page) => {
				await goto(page, "/dang-nhap");
				await page.fill("#tai-khoan", "0980000000");
				await page.fill("#mat-khau", "sai mật khẩu rồi");
				await submitAndWait(page, () => page.keyboard.press("Enter"));
				check(await page.getByRole("alert").isVisible(), "no error after a wrong password");
			},
		},
		"/dang-ky",
		{
			name: "/dang-ky (errors after an empty submit)",
			open: async (page) => {
				await goto(page, "/dang-ky");
				await submitAndWait(page, () => page.getByRole("button", { name: "Đăng ký", exact: true }).click());
				check(await page.getByRole("alert").isVisible(), "no error summary after an empty submit");
				check((await page.locator("[aria-invalid=true]").count()) >= 3, "fewer than 3 fields marked aria-invalid");
			},
		},
		"/quen-mat-khau",
		// the units' websites (issue 11, part A): listings, earlier units
		"/tin-tuc",
		"/don-vi/ba-hang/tin-tuc",
		"/don-vi/ba-hang/thong-bao",
		"/don-vi-cu",
		{ name: "/khong-co-trang-nay (404)", open: (page) => goto(page, "/khong-co-trang-nay", [404]) },
	]);
	await axeCases("editor ", ["/bien-tap/", "/bien-tap/bai-viet/moi", "/tai-khoan"], (ctx) =>
		signInContext(ctx, "0912000011"),
	);
	await axeCases(
		"admin ",
		[
			"/quan-tri/nguoi-dung",
			{
				name: "/quan-tri/nguoi-dung/{user}",
				open: async (page) => {
					await goto(page, "/quan-tri/nguoi-dung");
					const href = await page
						.locator("main a[href^='/quan-tri/nguoi-dung/']")
						.evaluateAll((as) => as.map((a) => a.getAttribute("href")).find((h) => /^\/quan-tri\/nguoi-dung\/[0-9]+$/.test(h)));
					check(href, "no user page linked from /quan-tri/nguoi-dung");
					await goto(page, href);
				},
			},
		],
		(ctx) => signInContext(ctx, "0912000001"),
	);

	await runCase("phone 390×844: no horizontal scroll on the home page", (t) => casePhoneNoScroll(t, ["/"]));
	await runCase("phone 390×844: no horizontal scroll on other pages", (t) =>
		casePhoneNoScroll(t, ["/don-vi/ba-hang/", ...(article ? [article] : []), "/dang-ky", "/dang-nhap", "/quen-mat-khau", "/khong-co-trang-nay"]),
	);
	await runCase("phone 390×844: the main navigation is shown and follows taps", casePhoneNav);
	await runCase("JavaScript off: register, sign out, sign in", caseNoScript);

	console.log(`# browser suite: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
	await main();
} catch (e) {
	failed++;
	console.log("FAIL browser run");
	console.log(indent(e && e.stack ? e.stack : e));
} finally {
	if (browser) await withTimeout(browser.close(), WAIT_MS, "closing chromium").catch(() => {});
	clearTimeout(runTimer);
	cleanup();
}
process.exit(failed > 0 || passed === 0 ? 1 : 0);
