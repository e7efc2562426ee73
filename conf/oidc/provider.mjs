// The stand-in for Thái Nguyên ID: a real OpenID provider (oidc-provider
// 8.x) on loopback, for `make run` and the tests, started by
// conf/stack/oidc.sh.  One registered client, the portal; residents whose
// claims carry the Vietnamese portals' names (SoDinhDanh, HoVaTen,
// SoDienThoai, ThuDienTu) beside the standard ones.  Sign-in is a small
// form of its own (no consent step: the portal is the province's own
// client); the grant is made when the resident signs in.
//
// Environment: OIDC_PORT (loopback port), OIDC_CLIENT_ID,
// OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_POST_LOGOUT_URI,
// OIDC_DEMO_PASSWORD (the demo residents' password).
import crypto from 'node:crypto';
import http from 'node:http';
import querystring from 'node:querystring';

import Provider from 'oidc-provider';

const env = (name) => {
  const v = process.env[name];
  if (!v) {
    console.error(`provider.mjs: ${name} is not set`);
    process.exit(2);
  }
  return v;
};

const port = Number(env('OIDC_PORT'));
const issuer = `http://127.0.0.1:${port}`;
const demoPassword = env('OIDC_DEMO_PASSWORD');

// The demo residents, by their sign-in name.  "thu:SUB:ID[:PHONE]" with
// the password "thu" is a test resident made on the spot (tests need new
// identities on every run); the stand-in listens on loopback only.
const residents = {
  'cudan.tnid': {
    sub: 'tnid-9b2f6c0e41',
    HoVaTen: 'Trần Thị Thu Hà', SoDinhDanh: '019190000101',
    SoDienThoai: '0912000101', ThuDienTu: 'thuha.tnid@example.vn',
  },
  'cudan2.tnid': {
    sub: 'tnid-5d81aa9c07',
    HoVaTen: 'Lê Văn Bình', SoDinhDanh: '019090000202',
    SoDienThoai: '0912000202', ThuDienTu: 'binh.tnid@example.vn',
  },
};

function testResident(login) {
  const m = /^thu:([A-Za-z0-9._-]{1,64}):([0-9]{12})(?::(0[0-9]{9}))?$/.exec(login);
  if (!m) return null;
  return {
    sub: m[1], HoVaTen: `Người Thử ${m[1].slice(-6)}`, SoDinhDanh: m[2],
    SoDienThoai: m[3], ThuDienTu: undefined,
  };
}

// A resident by sign-in name and password, or null.
function signIn(login, password) {
  if (residents[login] && password === demoPassword) return residents[login];
  if (password === 'thu') return testResident(login);
  return null;
}

const bySub = new Map();
Object.values(residents).forEach((r) => bySub.set(r.sub, r));

function claimsOf(r) {
  return {
    sub: r.sub,
    name: r.HoVaTen, HoVaTen: r.HoVaTen, SoDinhDanh: r.SoDinhDanh,
    phone_number: r.SoDienThoai, SoDienThoai: r.SoDienThoai,
    email: r.ThuDienTu, ThuDienTu: r.ThuDienTu,
  };
}

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = {
  ...privateKey.export({ format: 'jwk' }),
  kid: crypto.randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256',
};

const scopes = 'openid profile phone email';
const provider = new Provider(issuer, {
  clients: [{
    client_id: env('OIDC_CLIENT_ID'),
    client_secret: env('OIDC_CLIENT_SECRET'),
    redirect_uris: [env('OIDC_REDIRECT_URI')],
    post_logout_redirect_uris: [env('OIDC_POST_LOGOUT_URI')],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [jwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  pkce: { required: () => true, methods: ['S256'] },
  scopes: scopes.split(' '),
  claims: {
    openid: ['sub'],
    profile: ['name', 'HoVaTen', 'SoDinhDanh'],
    phone: ['phone_number', 'SoDienThoai'],
    email: ['email', 'ThuDienTu'],
  },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true },
  },
  async findAccount(ctx, sub) {
    const r = bySub.get(sub);
    if (!r) return undefined;
    return { accountId: sub, claims: async () => claimsOf(r) };
  },
  async loadExistingGrant(ctx) {
    const id = ctx.oidc.result?.consent?.grantId ||
      ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (id) return ctx.oidc.provider.Grant.find(id);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(scopes);
    await grant.save();
    return grant;
  },
  ttl: { Session: 600, Grant: 600, Interaction: 600 },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Lỗi', `<p>${esc(out.error)}: ${esc(out.error_description || '')}</p>`);
  },
});

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — Thái Nguyên ID (thử nghiệm)</title></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

function loginForm(uid, error) {
  return page('Đăng nhập Thái Nguyên ID', `
<p>Máy chủ thử nghiệm thay cho Thái Nguyên ID.</p>
${error ? `<p role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login">
<p><label for="login">Tên đăng nhập</label>
<input id="login" name="login" autocomplete="username" required></p>
<p><label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Đăng nhập</button></p>
</form>`);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      data += c;
      if (data.length > 4096) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(querystring.parse(data)));
    req.on('error', reject);
  });
}

// GET /interaction/UID: the form; POST /interaction/UID/login: sign in.
async function interaction(req, res, uid, isPost) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('unexpected interaction');
    return;
  }
  if (!isPost) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(loginForm(uid));
    return;
  }
  const body = await readBody(req);
  const r = signIn(String(body.login || ''), String(body.password || ''));
  if (!r) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(loginForm(uid, 'Tên đăng nhập hoặc mật khẩu không đúng.'));
    return;
  }
  bySub.set(r.sub, r);
  await provider.interactionFinished(req, res, { login: { accountId: r.sub } },
    { mergeWithLastSubmission: false });
}

const handler = provider.callback();
const server = http.createServer((req, res) => {
  const m = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(req.url);
  if (!m) {
    handler(req, res);
    return;
  }
  interaction(req, res, m[1], Boolean(m[2]) && req.method === 'POST').catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('interaction failed');
  });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider ${issuer} up`);
});
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
}
