# shellcheck shell=bash
# The stand-in for Thái Nguyên ID: conf/oidc/provider.mjs (Node.js, the npm
# package oidc-provider pinned in conf/oidc/package-lock.json, installed
# with `npm ci` when node_modules is missing or older than the lock file)
# on a loopback port, with the portal registered as its client.  Exports
# the [tnid] settings the responder runs with; the demo residents and
# their password go to VAR/tnid-accounts.txt (mode 0600).

# Bound, in seconds.
STACK_OIDC_WAIT=30
# The portal's client id at the stand-in.
STACK_OIDC_CLIENT=ward-portal

# shellcheck disable=SC2034 # S_* are read by the other stack files
oidc_paths() {
	S_OIDC_PID=$S_RUN/oidc.pid
	S_OIDC_DIR=$STACK_ROOT/conf/oidc
	S_OIDC_ACCOUNTS=$S_VAR/tnid-accounts.txt
	S_LOG_FILES+=("$S_LOG/oidc.log")
}

oidc_check() {
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		die "node and npm are missing (make deps installs them)"
	fi
}

# Install the provider's npm packages when the lock file is newer than
# what node_modules holds.
oidc_npm() {
	local lock=$S_OIDC_DIR/package-lock.json have=$S_OIDC_DIR/node_modules/.package-lock.json
	if [[ -f $have && ! $lock -nt $have ]]; then
		return 0
	fi
	log "installing the stand-in provider's npm packages (npm ci)"
	if ! (cd "$S_OIDC_DIR" && npm ci --no-audit --no-fund) </dev/null >>"$S_LOG/oidc.log" 2>&1; then
		stack_fail "npm ci in $S_OIDC_DIR failed" oidc.log
	fi
}

# Start the provider for the portal on port $1 (PORTAL_OIDC_PORT: the
# provider's port, else a free one) and export the portal's [tnid] keys.
oidc_start() {
	local oport pid secret demo base=http://127.0.0.1:$1
	oidc_npm
	oport=${PORTAL_OIDC_PORT:-}
	if [[ -n $oport ]]; then
		stack_valid_port "$oport" || die "bad PORTAL_OIDC_PORT: $oport"
	else
		oport=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])') ||
			die "no free port for the stand-in provider"
	fi
	secret=$(stack_random_hex 24)
	demo=$(stack_random_hex 6)
	OIDC_PORT=$oport OIDC_CLIENT_ID=$STACK_OIDC_CLIENT OIDC_CLIENT_SECRET=$secret \
		OIDC_REDIRECT_URI=$base/auth/tnid/callback OIDC_POST_LOGOUT_URI=$base/ \
		OIDC_DEMO_PASSWORD=$demo \
		stack_spawn "$S_OIDC_PID" "$S_LOG/oidc.log" "$S_OIDC_DIR" node provider.mjs
	pid=$(<"$S_OIDC_PID")
	stack_wait "$STACK_OIDC_WAIT" oidc_listening "$pid" "$oport" || case $? in
	1) stack_fail "the stand-in provider did not listen on port $oport within ${STACK_OIDC_WAIT}s" oidc.log ;;
	*) stack_fail "the stand-in provider exited during start-up" oidc.log ;;
	esac
	stack_env_export PORTAL_TNID_ISSUER "http://127.0.0.1:$oport"
	stack_env_export PORTAL_TNID_CLIENT_ID "$STACK_OIDC_CLIENT"
	stack_env_export PORTAL_TNID_CLIENT_SECRET "$secret"
	stack_env_export PORTAL_TNID_ALLOW_HTTP true
	printf '%s\n' \
		"Thái Nguyên ID (stand-in at http://127.0.0.1:$oport), password $demo:" \
		"  cudan.tnid   Trần Thị Thu Hà, ID 019190000101" \
		"  cudan2.tnid  Lê Văn Bình, ID 019090000202" |
		stack_write_private "$S_OIDC_ACCOUNTS"
}

oidc_stop() {
	stack_kill provider.mjs "$S_OIDC_PID" TERM
}

oidc_running() {
	stack_pid "$S_OIDC_PID" >/dev/null
}

# Does the provider of pid $1 listen on port $2 itself?  2: it exited.
oidc_listening() {
	stack_alive "$1" || return 2
	stack_listens "$1" "$2"
}
