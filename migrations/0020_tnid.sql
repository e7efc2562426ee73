-- Sign in with Thái Nguyên ID (issue 10): the OpenID Connect relying
-- party's state.  Every DATETIME is UTC.  Secrets are kept hashed where
-- they only need comparing (state, browser, nonce); the PKCE verifier is
-- kept as it is, for the minutes a sign-in may take, since the token
-- request must send it.

-- A sign-in started at /auth/tnid/login: single-use (used_at), short-lived
-- (expires_at), bound to the browser's tnid cookie (browser_hash); at most
-- a few outstanding per browser (the oldest go first).
CREATE TABLE oidc_logins (
	state_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY COMMENT 'hex SHA-256 of state',
	browser_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'hex SHA-256 of the tnid cookie',
	nonce		CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	verifier	CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'PKCE code_verifier',
	return_to	VARCHAR(300) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '/',
	link_user	INT UNSIGNED NULL COMMENT 'a signed-in resident linking the identity',
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	expires_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	KEY oidc_logins_browser (browser_hash, created_at),
	KEY oidc_logins_expires (expires_at),
	CONSTRAINT oidc_logins_user FOREIGN KEY (link_user) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Nonces of the ID tokens accepted, spent: a token is accepted once.
CREATE TABLE oidc_nonces (
	nonce_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
	expires_at	DATETIME NOT NULL,
	KEY oidc_nonces_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An account's Thái Nguyên ID: the provider's subject, one per account.
CREATE TABLE oidc_links (
	issuer		VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	sub		VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	user_id		INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (issuer, sub),
	UNIQUE KEY oidc_links_user (user_id, issuer),
	CONSTRAINT oidc_links_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A first sign-in whose verified ID number an account already has: linked
-- only once the resident signs in to that account in the same browser and
-- confirms (/auth/tnid/lien-ket).  One per browser.
CREATE TABLE oidc_pending (
	browser_hash	CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
	issuer		VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	sub		VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	user_id		INT UNSIGNED NOT NULL,
	expires_at	DATETIME NOT NULL,
	CONSTRAINT oidc_pending_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ID token a session was opened with (the hint for the provider's
-- sign-out); goes with its session.
CREATE TABLE oidc_sessions (
	id_hash		CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
	id_token	TEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	CONSTRAINT oidc_sessions_session FOREIGN KEY (id_hash) REFERENCES sessions (id_hash) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
