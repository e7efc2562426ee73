// A test-only OpenID provider that misbehaves on purpose, on loopback
// (tests/integration/test_tnid.py starts it with the port as argument).
// It serves its own discovery document and JWKS; its token endpoint
// answers, for each code, what the test planned beforehand:
//
//   POST /_plan  {"code", "challenge" (the PKCE S256 challenge the portal
//                sent), "nonce", "claims" (overrides; null drops one),
//                "alg" ("RS256", "ES256", "none", "HS256-pub": HMAC keyed
//                with the RSA public key), "kid", "tamper" (flip the
//                signature), "raw_token" (sent as the ID token as it is),
//                "userinfo_sub", "token_status"}
//   POST /_rotate  a new signing key with a new kid (the old one leaves)
//   POST /_down    {"ms"}: the token endpoint answers after ms
//
// The token endpoint checks the code's PKCE verifier and the client's
// Basic credentials (any secret) before answering.
import crypto from 'node:crypto';
import http from 'node:http';

import {
  SignJWT, UnsecuredJWT, exportJWK, generateKeyPair,
} from 'jose';

const port = Number(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;
const plans = new Map();
let delay = 0;

let rsa;
let rsaKid;
const ec = await generateKeyPair('ES256');
const ecKid = 'ec-1';
let generation = 0;

async function rotate() {
  rsa = await generateKeyPair('RS256', { extractable: true });
  generation += 1;
  rsaKid = `rsa-${generation}`;
}
await rotate();

async function jwks() {
  const r = { ...(await exportJWK(rsa.publicKey)), kid: rsaKid, use: 'sig', alg: 'RS256' };
  const e = { ...(await exportJWK(ec.publicKey)), kid: ecKid, use: 'sig', alg: 'ES256' };
  return { keys: [r, e] };
}

function b64url(buf) {
  return Buffer.from(buf).toString('base64url');
}

async function idToken(plan) {
  if (plan.raw_token !== undefined) return plan.raw_token;
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: issuer, sub: plan.sub || 'forged-sub', aud: 'ward-portal',
    exp: now + 300, iat: now, nonce: plan.nonce,
  };
  for (const [k, v] of Object.entries(plan.claims || {})) {
    if (v === null) delete claims[k];
    else claims[k] = v;
  }
  const alg = plan.alg || 'RS256';
  let jwt;
  if (alg === 'none') {
    jwt = new UnsecuredJWT(claims).encode();
  } else if (alg === 'HS256-pub') {
    const pub = JSON.stringify(await exportJWK(rsa.publicKey));
    jwt = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: plan.kid || rsaKid })
      .sign(new TextEncoder().encode(pub));
  } else if (alg === 'ES256') {
    jwt = await new SignJWT(claims).setProtectedHeader({ alg, kid: plan.kid || ecKid })
      .sign(ec.privateKey);
  } else {
    jwt = await new SignJWT(claims).setProtectedHeader({ alg, kid: plan.kid || rsaKid })
      .sign(rsa.privateKey);
  }
  if (plan.tamper) {
    const parts = jwt.split('.');
    const sig = Buffer.from(parts[2], 'base64url');
    sig[sig.length - 1] ^= 1;
    parts[2] = b64url(sig);
    jwt = parts.join('.');
  }
  return jwt;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { data += c; });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function send(res, status, obj) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' });
  res.end(JSON.stringify(obj));
}

async function token(req, res) {
  const form = new URLSearchParams(await readBody(req));
  const plan = plans.get(form.get('code'));
  const auth = req.headers.authorization || '';
  if (!plan || !auth.startsWith('Basic ')) {
    send(res, 400, { error: 'invalid_grant' });
    return;
  }
  const verifier = form.get('code_verifier') || '';
  const challenge = b64url(crypto.createHash('sha256').update(verifier).digest());
  if (challenge !== plan.challenge || form.get('grant_type') !== 'authorization_code') {
    send(res, 400, { error: 'invalid_grant', error_description: 'PKCE' });
    return;
  }
  plans.delete(form.get('code'));
  if (delay) await new Promise((r) => { setTimeout(r, delay); });
  if (plan.token_status) {
    send(res, plan.token_status, { error: 'server_error' });
    return;
  }
  plans.set(`at:${plan.code}`, plan);
  send(res, 200, {
    access_token: `at:${plan.code}`, token_type: 'Bearer', expires_in: 300,
    id_token: await idToken(plan),
  });
}

function userinfo(req, res) {
  const auth = req.headers.authorization || '';
  const plan = plans.get(auth.replace(/^Bearer /, ''));
  if (!plan) {
    send(res, 401, { error: 'invalid_token' });
    return;
  }
  send(res, 200, {
    sub: plan.userinfo_sub || plan.sub || 'forged-sub',
    HoVaTen: 'Người Giả Mạo', SoDinhDanh: plan.id_number || undefined,
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      send(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      });
    } else if (url.pathname === '/jwks') {
      send(res, 200, await jwks());
    } else if (url.pathname === '/token' && req.method === 'POST') {
      await token(req, res);
    } else if (url.pathname === '/userinfo') {
      userinfo(req, res);
    } else if (url.pathname === '/_plan' && req.method === 'POST') {
      const plan = JSON.parse(await readBody(req));
      plans.set(plan.code, plan);
      send(res, 200, { ok: true });
    } else if (url.pathname === '/_rotate' && req.method === 'POST') {
      await rotate();
      send(res, 200, { kid: rsaKid });
    } else if (url.pathname === '/_down' && req.method === 'POST') {
      delay = JSON.parse(await readBody(req)).ms;
      send(res, 200, { ok: true });
    } else {
      send(res, 404, { error: 'not_found' });
    }
  } catch (err) {
    console.error(err);
    if (!res.headersSent) send(res, 500, { error: 'server_error' });
  }
});
server.listen(port, '127.0.0.1', () => console.log(`forger ${issuer} up`));
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
}
