# shellcheck shell=bash
# The front server: nginx on a loopback port with VAR/nginx.conf (made from
# conf/nginx/dev.conf.in), its prefix and temp dirs in VAR/nginx, passing
# requests to the responder's socket.

# Bound, in seconds.
STACK_HTTP_WAIT=30
# nginx's worker: connections at most, and twice as many open files.
STACK_NGINX_CONNECTIONS=4096
# The account routes' per-address rate limit (POSTs), production's unless
# PORTAL_NGINX_AUTH_RATE (e.g. 10r/m, 50r/s) or PORTAL_NGINX_AUTH_BURST
# say otherwise (tests/run does).
STACK_NGINX_AUTH_RATE=10r/m
STACK_NGINX_AUTH_BURST=5

# shellcheck disable=SC2034 # S_* are read by the other stack files
nginx_paths() {
	S_NGX=$S_VAR/nginx
	S_NGX_PID=$S_RUN/nginx.pid
	S_LOG_FILES+=("$S_LOG/nginx-start.log" "$S_LOG/nginx-error.log")
}

# Paths are written unquoted into nginx.conf; so are the rate limit's
# settings, which must be nginx's.
nginx_check() {
	if [[ $S_VAR$STACK_ROOT =~ [[:space:]\;\{\}\"\'\$\#\\] ]]; then
		die "state directory or checkout path has characters nginx.conf cannot hold: $S_VAR $STACK_ROOT"
	fi
	[[ ${PORTAL_NGINX_AUTH_RATE:-$STACK_NGINX_AUTH_RATE} =~ ^[1-9][0-9]{0,5}r/[sm]$ ]] ||
		die "bad PORTAL_NGINX_AUTH_RATE (e.g. 10r/m, 50r/s): $PORTAL_NGINX_AUTH_RATE"
	[[ ${PORTAL_NGINX_AUTH_BURST:-$STACK_NGINX_AUTH_BURST} =~ ^[0-9]{1,6}$ ]] ||
		die "bad PORTAL_NGINX_AUTH_BURST (a number): $PORTAL_NGINX_AUTH_BURST"
}

# Start nginx on port $1 and wait until /healthz answers 200 through it.
nginx_start() {
	local port=$1 url=http://127.0.0.1:$1/healthz
	mkdir -p "$S_NGX"
	# Kept in VAR/stack.env, for make run and make test-one to repeat.
	stack_env_keep PORTAL_NGINX_AUTH_RATE "${PORTAL_NGINX_AUTH_RATE:-$STACK_NGINX_AUTH_RATE}"
	stack_env_keep PORTAL_NGINX_AUTH_BURST "${PORTAL_NGINX_AUTH_BURST:-$STACK_NGINX_AUTH_BURST}"
	nginx_conf "$port"
	rm -f "$S_NGX_PID"
	if ! nginx -p "$S_NGX/" -c "$S_VAR/nginx.conf" -e "$S_LOG/nginx-error.log" \
		</dev/null >"$S_LOG/nginx-start.log" 2>&1; then
		stack_fail "nginx did not start" nginx-start.log nginx-error.log
	fi
	stack_wait "$STACK_HTTP_WAIT" nginx_healthy "$url" || case $? in
	1) stack_fail "$url answered ${S_HTTP_CODE:-nothing}, not 200, within ${STACK_HTTP_WAIT}s" ;;
	*) stack_fail "portal.fcgi exited" portal.log ;;
	esac
}

nginx_stop() {
	stack_kill nginx "$S_NGX_PID" QUIT
}

nginx_running() {
	stack_pid "$S_NGX_PID" >/dev/null
}

# Print the open files nginx's worker may have: twice STACK_NGINX_CONNECTIONS,
# or the hard limit when nginx is not root and may not go past it.
nginx_nofile() {
	local want=$((2 * STACK_NGINX_CONNECTIONS)) hard
	hard=$(ulimit -Hn)
	if [[ $(id -u) != 0 && $hard =~ ^[0-9]+$ ]] && ((hard < want)); then
		want=$hard
	fi
	printf '%s\n' "$want"
}

# Write VAR/nginx.conf for port $1.
nginx_conf() {
	local port=$1 conf user nofile
	user=$(id -un)
	nofile=$(nginx_nofile)
	conf=$(<"$STACK_ROOT/conf/nginx/dev.conf.in")
	conf=${conf//@NOFILE@/"$nofile"}
	conf=${conf//@CONNECTIONS@/"$((nofile / 2))"}
	conf=${conf//@AUTH_RATE@/"$PORTAL_NGINX_AUTH_RATE"}
	conf=${conf//@AUTH_BURST@/"$PORTAL_NGINX_AUTH_BURST"}
	conf=${conf//@VAR@/"$S_VAR"}
	conf=${conf//@PORT@/"$port"}
	conf=${conf//@ROOT@/"$STACK_ROOT"}
	conf=${conf//@SOCKET@/"$S_APP_SOCK"}
	conf=${conf//@USER@/"$user"}
	printf '%s\n' "$conf" >"$S_VAR/nginx.conf"
}

# Does $1 answer 200 through nginx, its pid file written?  The answer's
# code goes to S_HTTP_CODE.  2: the responder behind it exited.
nginx_healthy() {
	S_HTTP_CODE=$(curl --noproxy '*' -s -o /dev/null -w '%{http_code}' --max-time 2 "$1") || true
	if [[ $S_HTTP_CODE == 200 && -s $S_NGX_PID ]]; then
		return 0
	fi
	stack_pid "$S_APP_PID" >/dev/null || return 2
	return 1
}
