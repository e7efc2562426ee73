# shellcheck shell=bash
# The responder: portalctl migrate and seed, then portal.fcgi (master and
# workers) on the unix socket VAR/run/portal.sock, scratch space in VAR/tmp,
# the attachment store in VAR/store.

# Bound, in seconds.
STACK_APP_WAIT=30

# shellcheck disable=SC2034 # S_* are read by the other stack files
app_paths() {
	S_TMP=$S_VAR/tmp
	S_STORE=$S_VAR/store
	S_APP_SOCK=$S_RUN/portal.sock
	S_APP_PID=$S_RUN/portal.pid
	S_LOG_FILES+=("$S_LOG/portalctl.log" "$S_LOG/portal.log")
}

app_check() {
	stack_check_socket "$S_APP_SOCK"
}

# Migrate and seed the database, then start portal.fcgi for port $1 with
# the programs in $2.
app_start() {
	local port=$1 bindir=$2
	mkdir -p "$S_TMP" "$S_STORE"
	chmod 0700 "$S_TMP" "$S_STORE"
	app_env "$port"
	# Saved now so that a failed migration can be run again by hand.
	stack_env_save
	app_portalctl "$bindir"
	app_daemon_start "$bindir"
}

app_stop() {
	stack_kill portal "$S_APP_PID" TERM
	rm -f "$S_APP_SOCK"
}

app_running() {
	stack_pid "$S_APP_PID" >/dev/null
}

# Export the settings portalctl and portal.fcgi run with (the database's
# and the mail's came from their services) for port $1.
app_env() {
	local port=$1 key
	key=$(app_id_key)
	stack_env_export PORTAL_SERVER_SOCKET "$S_APP_SOCK"
	stack_env_export PORTAL_SERVER_TMPDIR "$S_TMP"
	stack_env_export PORTAL_STORAGE_DIR "$S_STORE"
	stack_env_export PORTAL_PATHS_TEMPLATES "$STACK_ROOT/templates"
	stack_env_export PORTAL_PATHS_MIGRATIONS "$STACK_ROOT/migrations"
	stack_env_export PORTAL_PATHS_SEED "$STACK_ROOT/migrations/seed"
	stack_env_export PORTAL_SITE_BASE_URL "http://127.0.0.1:$port"
	stack_env_export PORTAL_SEED_ACCOUNTS "$S_VAR/accounts.txt"
	stack_env_export PORTAL_SECURITY_ID_KEY "$key"
	stack_env_export PORTAL_SECURITY_COMMON_PASSWORDS "$STACK_ROOT/conf/common-passwords.txt"
	app_sms_env
}

# SMS retries a second after the first failure in the stack's tests
# (PORTAL_SMS_BACKOFF, doubled each time), not half a minute; the gateway
# is conf/stack/sms.sh's.
app_sms_env() {
	stack_env_export PORTAL_SMS_BACKOFF "${PORTAL_SMS_BACKOFF:-1}"
}

# Print the key that seals personal ID numbers at rest: made once per VAR,
# kept in VAR/secrets.env (mode 0600); losing it loses the sealed numbers.
app_id_key() {
	local env=$S_VAR/secrets.env key=
	if [[ -s $env ]]; then
		key=$(sed -n 's/^PORTAL_SECURITY_ID_KEY=//p' "$env")
	fi
	if ! [[ $key =~ ^[0-9a-f]{64}$ ]]; then
		key=$(stack_random_hex 32)
		printf 'PORTAL_SECURITY_ID_KEY=%s\n' "$key" | stack_write_private "$env"
	fi
	printf '%s\n' "$key"
}

# portalctl migrate and seed with the programs in $1, as the migration
# account; output to VAR/log/portalctl.log.  portalctl takes that account
# from [db] migrate_user and migrate_password; the user and password given
# here too serve a portalctl that knows only [db] user.
app_portalctl() {
	local bindir=$1 cmd user=$PORTAL_DB_MIGRATE_USER pw=$PORTAL_DB_MIGRATE_PASSWORD
	for cmd in migrate seed; do
		printf '== portalctl %s (%s)\n' "$cmd" "$(date -u +%FT%TZ)" >>"$S_LOG/portalctl.log"
		if ! (cd "$STACK_ROOT" && PORTAL_DB_USER=$user PORTAL_DB_PASSWORD=$pw \
			PORTAL_DB_MIGRATE_USER=$user PORTAL_DB_MIGRATE_PASSWORD=$pw \
			"$bindir/portalctl" -c "$STACK_ROOT/conf/portal.conf" "$cmd") \
			</dev/null >>"$S_LOG/portalctl.log" 2>&1; then
			stack_fail "portalctl $cmd failed" portalctl.log
		fi
	done
}

# portalctl seed-history with the programs in $1 (make run only, not the
# tests' stacks, whose data sets are their own): a year of applications of
# every unit for /thong-ke, the same each time (seed 1; a second run adds
# nothing).  Output to VAR/log/portalctl.log.
app_seed_history() {
	local bindir=$1
	printf '== portalctl seed-history (%s)\n' "$(date -u +%FT%TZ)" >>"$S_LOG/portalctl.log"
	if ! (cd "$STACK_ROOT" && "$bindir/portalctl" -c "$STACK_ROOT/conf/portal.conf" \
		seed-history 1) </dev/null >>"$S_LOG/portalctl.log" 2>&1; then
		stack_fail "portalctl seed-history failed" portalctl.log
	fi
}

# Is portal.fcgi of pid $1 up, its socket made?  2: it exited.
app_listening() {
	[[ -S $S_APP_SOCK ]] && return 0
	stack_alive "$1" || return 2
	return 1
}

# Start portal.fcgi with the programs in $1 and wait for its socket.
app_daemon_start() {
	local bindir=$1 pid
	rm -f "$S_APP_SOCK"
	stack_spawn "$S_APP_PID" "$S_LOG/portal.log" "$STACK_ROOT" \
		"$bindir/portal.fcgi" -c "$STACK_ROOT/conf/portal.conf"
	pid=$(<"$S_APP_PID")
	stack_wait "$STACK_APP_WAIT" app_listening "$pid" || case $? in
	1) stack_fail "portal.fcgi made no socket within ${STACK_APP_WAIT}s" portal.log ;;
	*) stack_fail "portal.fcgi exited during start-up" portal.log ;;
	esac
}
