#!/bin/bash
# Ward Portal dev/test stack: a private MariaDB, portal.fcgi and nginx, with
# every file they write under one state directory VAR, so that several
# stacks (make run, each test suite) can run side by side.
#
#   stack.sh deps                   install missing Debian packages (root)
#   stack.sh start VAR PORT BINDIR  start MariaDB, migrate, seed, SMTP sink,
#                                   portal, nginx (PORTAL_SMTP_PORT: sink's port)
#   stack.sh stop [VAR]             stop all three (default VAR: var/dev)
#   stack.sh db-stop VAR            stop only MariaDB
#   stack.sh db-start VAR           start only MariaDB again
#   stack.sh run                    (re)start the demo in var/dev, return
#
# Layout of VAR: db/ (datadir), db.env (PORTAL_DB_PASSWORD, mode 0600),
# stack.env (every PORTAL_* variable the stack runs with, mode 0600, for
# sourcing), nginx.conf, nginx/ (nginx prefix and temp dirs), run/ (sockets
# and pid files), log/, tmp/, accounts.txt (written by portalctl seed),
# mail/ (maildir of the SMTP sink: every message the portal sent, in new/).
#
# Processes are found only through VAR/run/*.pid, never by name: other stacks
# may be running on the same machine.
set -euo pipefail

STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

# Every Debian package the build, the stack and the tests need: the one list.
STACK_PACKAGES=(
	build-essential pkg-config g++ clang libclang-rt-14-dev
	libfcgi-dev libctemplate-dev libmariadb-dev mariadb-server mariadb-client
	libsodium-dev libcurl4-openssl-dev libjansson-dev libcjose-dev
	libcmark-gfm-dev libmagic-dev libqrencode-dev libunistring-dev
	nginx-light curl wrk valgrind python3 python3-aiosmtpd procps iproute2
	chromium nodejs npm sqlmap
)

# Bounds, in seconds.
STACK_DB_WAIT=30
STACK_APP_WAIT=30
STACK_HTTP_WAIT=30
STACK_SMTP_WAIT=10
STACK_STOP_WAIT=10
STACK_DB_STOP_WAIT=30

log() { printf 'stack: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

# Install what is missing from STACK_PACKAGES; silent when nothing is.
stack_deps() {
	local p status missing=()
	local -A installed=()
	# One dpkg-query over every package dpkg knows: a name counts as
	# installed when an installed package is it or provides it (NodeSource's
	# nodejs provides npm, and conflicts with Debian's npm package).
	# shellcheck disable=SC2016 # dpkg-query's format, not a shell expansion
	status=$(dpkg-query -W -f='${db:Status-Status} ${Package}, ${Provides}\n' 2>/dev/null |
		awk '$1 == "installed" { $1 = ""; gsub(/\([^)]*\)/, "")
			n = split($0, a, /[ ,]+/); for (i = 1; i <= n; i++) if (a[i] != "") print a[i] }') || true
	while read -r p; do
		if [[ -n $p ]]; then
			installed[$p]=1
		fi
	done <<<"$status"
	for p in "${STACK_PACKAGES[@]}"; do
		if [[ -z ${installed[$p]:-} ]]; then
			missing+=("$p")
		fi
	done
	if ((${#missing[@]} == 0)); then
		return 0
	fi
	if ((EUID != 0)); then
		log "missing Debian packages: ${missing[*]}"
		log "install them as root with:"
		log "  apt-get update && apt-get install --no-install-recommends ${missing[*]}"
		exit 1
	fi
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# Set the S_* path variables for state directory $1 (made absolute; created
# when $2 is "create").
stack_paths() {
	local var=$1
	if [[ ${2:-} == create ]]; then
		mkdir -p "$var"
	fi
	if [[ -d $var ]]; then
		var=$(cd "$var" && pwd -P)
	fi
	S_VAR=$var
	S_RUN=$var/run
	S_LOG=$var/log
	S_TMP=$var/tmp
	S_DB=$var/db
	S_NGX=$var/nginx
	S_DB_SOCK=$var/run/mysqld.sock
	S_DB_PID=$var/run/mysqld.pid
	S_APP_SOCK=$var/run/portal.sock
	S_APP_PID=$var/run/portal.pid
	S_NGX_PID=$var/run/nginx.pid
	S_SMTP_PID=$var/run/smtp.pid
	S_MAIL=$var/mail
	# The OS user mariadb-install-db gives a unix_socket admin account.
	S_ADMIN=$(id -un)
}

# Create VAR's directories.  VAR and run/ are 0755: nginx workers reach the
# application's socket through them.
stack_mkdirs() {
	mkdir -p "$S_RUN" "$S_LOG" "$S_TMP" "$S_NGX"
	chmod 0755 "$S_VAR" "$S_RUN"
	chmod 0700 "$S_TMP"
	local p
	for p in "$S_DB_SOCK" "$S_APP_SOCK"; do
		# sun_path holds 108 bytes, terminator included.
		if ((${#p} > 100)); then
			die "socket path too long for a unix socket (${#p} bytes): $p"
		fi
	done
	# Paths are written unquoted into nginx.conf.
	if [[ $S_VAR$STACK_ROOT =~ [[:space:]\;\{\}\"\'\$\#\\] ]]; then
		die "state directory or checkout path has characters nginx.conf cannot hold: $S_VAR $STACK_ROOT"
	fi
}

# Is process $1 alive (zombies count as gone)?
stack_alive() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[[ ${stat%% *} != Z ]]
}

# Is any live process left in process group $1?  Each daemon here leads its
# own session, so its workers share its pid as their group.
stack_group_alive() {
	ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { f = 1 } END { exit !f }'
}

# Print the pid in pid file $1 if it names a live process; else fail.
stack_pid() {
	local pid
	[[ -f $1 ]] || return 1
	pid=$(<"$1") || return 1
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	stack_alive "$pid" || return 1
	printf '%s\n' "$pid"
}

# Wait up to $2 seconds for process group $1 to be gone.
stack_wait_group() {
	local end=$((SECONDS + $2))
	while stack_group_alive "$1"; do
		if ((SECONDS >= end)); then
			return 1
		fi
		sleep 0.1
	done
}

# Stop the daemon of pid file $2 (name $1, which its command line must
# contain) with signal $3, waiting $4 seconds before SIGKILL to its whole
# process group.  Tolerates a missing pid file or a process already gone.
stack_kill() {
	local name=$1 pidfile=$2 sig=$3 wait=$4 pid
	[[ -f $pidfile ]] || return 0
	pid=$(<"$pidfile") || pid=
	if [[ ! $pid =~ ^[0-9]+$ ]]; then
		rm -f "$pidfile"
		return 0
	fi
	if stack_alive "$pid"; then
		if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$name"; then
			log "warning: pid $pid in $pidfile is not $name; left alone"
			rm -f "$pidfile"
			return 0
		fi
		kill "-$sig" "$pid" 2>/dev/null || true
	elif ! stack_group_alive "$pid"; then
		rm -f "$pidfile"
		return 0
	fi
	if ! stack_wait_group "$pid" "$wait"; then
		log "warning: $name (pid $pid) still running after ${wait}s; SIGKILL"
		kill -KILL -- "-$pid" 2>/dev/null || true
		kill -KILL "$pid" 2>/dev/null || true
		stack_wait_group "$pid" 5 || log "warning: $name (pid $pid) survives SIGKILL"
	fi
	rm -f "$pidfile"
}

# Start "$@" detached: own session, stdin from /dev/null, stdout and stderr
# appended to log $2, working directory $3; its pid goes to pid file $1
# (written by the child itself, so it is right even if setsid forks).
stack_spawn() {
	local pidfile=$1 logfile=$2 cwd=$3 end
	shift 3
	rm -f "$pidfile"
	# shellcheck disable=SC2016 # expanded by the child shell
	setsid bash -c 'echo "$$" >"$1" && cd "$2" && shift 2 && exec "$@"' \
		stack-spawn "$pidfile" "$cwd" "$@" </dev/null >>"$logfile" 2>&1 &
	end=$((SECONDS + 5))
	until [[ -s $pidfile ]]; do
		if ((SECONDS >= end)); then
			die "could not start $1 (see $logfile)"
		fi
		sleep 0.05
	done
}

# The stack's logs, in the order start writes them.
stack_log_files() {
	S_LOG_FILES=("$S_LOG"/mariadb-install.log "$S_LOG"/mariadb.err "$S_LOG"/portalctl.log
		"$S_LOG"/smtp.log "$S_LOG"/portal.log "$S_LOG"/nginx-start.log
		"$S_LOG"/nginx-error.log)
}

# Remember how long each log is, so that a failure shows only what this
# start-up wrote.
declare -gA S_LOG_MARK=()
stack_log_mark() {
	local f
	stack_log_files
	for f in "${S_LOG_FILES[@]}"; do
		S_LOG_MARK[$f]=$(stat -c %s "$f" 2>/dev/null || echo 0)
	done
}

# Print the last lines each log ($@: names in log/; default all) got since
# stack_log_mark, for a failure.
stack_logs() {
	local f new
	stack_log_files
	if (($# > 0)); then
		S_LOG_FILES=("${@/#/$S_LOG/}")
	fi
	for f in "${S_LOG_FILES[@]}"; do
		[[ -s $f ]] || continue
		new=$(tail -c "+$((${S_LOG_MARK[$f]:-0} + 1))" "$f" | tail -n 20)
		if [[ -n $new ]]; then
			printf '==> %s <==\n%s\n' "$f" "$new" >&2
		fi
	done
}

# Fail with message $1, showing the news in logs $2... (default: all).
stack_fail() {
	log "error: $1"
	shift
	stack_logs "$@"
	exit 1
}

# mariadbd's options for this stack.  Test stacks (any VAR but var/dev)
# trade durability on an OS crash for speed.
stack_db_args() {
	S_DB_ARGS=(
		--no-defaults
		--user="$S_ADMIN"
		--datadir="$S_DB"
		--socket="$S_DB_SOCK"
		--pid-file="$S_DB_PID"
		--skip-networking
		--skip-name-resolve
		--character-set-server=utf8mb4
		--collation-server=utf8mb4_unicode_ci
		--log-error="$S_LOG/mariadb.err"
		--innodb-buffer-pool-size=64M
		--innodb-log-file-size=32M
		--max-connections=200
	)
	if [[ $S_VAR != "$STACK_ROOT/var/dev" ]]; then
		S_DB_ARGS+=(--innodb-flush-log-at-trx-commit=2)
	fi
}

# Run SQL from stdin as the unix_socket admin account.
stack_db_sql() {
	mariadb --no-defaults --socket="$S_DB_SOCK" --user="$S_ADMIN" --batch --silent
}

# Create the datadir on first use.  Returns 0 when it was just created.
stack_db_init() {
	if [[ -d $S_DB/mysql ]]; then
		return 1
	fi
	rm -rf "$S_DB"
	if ! mariadb-install-db --no-defaults --datadir="$S_DB" --user="$S_ADMIN" \
		--auth-root-authentication-method=socket --skip-test-db \
		--skip-name-resolve >"$S_LOG/mariadb-install.log" 2>&1; then
		rm -rf "$S_DB"
		stack_fail "mariadb-install-db failed" mariadb-install.log
	fi
	return 0
}

# Start mariadbd on an initialised datadir and wait until it answers.
stack_db_start() {
	local pid end
	if pid=$(stack_pid "$S_DB_PID"); then
		die "MariaDB already running in $S_VAR (pid $pid)"
	fi
	rm -f "$S_DB_SOCK"
	stack_db_args
	stack_spawn "$S_DB_PID" "$S_LOG/mariadb.err" "$S_VAR" mariadbd "${S_DB_ARGS[@]}"
	pid=$(<"$S_DB_PID")
	end=$((SECONDS + STACK_DB_WAIT))
	# ping exits 0 once the server answers, even with "access denied".
	until mariadb-admin --no-defaults --socket="$S_DB_SOCK" --user="$S_ADMIN" \
		--connect-timeout=2 ping >/dev/null 2>&1; do
		if ! stack_alive "$pid"; then
			stack_fail "mariadbd exited during start-up" mariadb.err
		fi
		if ((SECONDS >= end)); then
			stack_fail "MariaDB did not answer within ${STACK_DB_WAIT}s" mariadb.err
		fi
		sleep 0.1
	done
}

# Create database and account if new ($1 = 1) or if db.env is missing, and
# set S_DB_PASSWORD from VAR/db.env.
stack_db_account() {
	local fresh=$1 env=$S_VAR/db.env pw=
	if [[ -s $env ]]; then
		pw=$(sed -n 's/^PORTAL_DB_PASSWORD=//p' "$env")
		[[ $pw =~ ^[0-9a-f]{32,}$ ]] || die "$env: no valid PORTAL_DB_PASSWORD"
	fi
	if [[ $fresh == 1 || -z $pw ]]; then
		if [[ -z $pw ]]; then
			pw=$(od -An -vtx1 -N24 /dev/urandom | tr -d ' \n')
		fi
		stack_db_sql <<-EOF || stack_fail "could not create database and account" mariadb.err
			CREATE DATABASE IF NOT EXISTS portal
			    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
			CREATE USER IF NOT EXISTS 'portal'@'localhost' IDENTIFIED BY '$pw';
			ALTER USER 'portal'@'localhost' IDENTIFIED BY '$pw';
			GRANT ALL PRIVILEGES ON portal.* TO 'portal'@'localhost';
		EOF
		(
			umask 077
			printf 'PORTAL_DB_PASSWORD=%s\n' "$pw" >"$env.new"
		)
		mv -f "$env.new" "$env"
	fi
	chmod 0600 "$env"
	S_DB_PASSWORD=$pw
}

# The key that seals personal ID numbers at rest: made once per VAR, kept in
# VAR/secrets.env (mode 0600); losing it loses the sealed numbers.
stack_id_key() {
	local env=$S_VAR/secrets.env key=
	if [[ -s $env ]]; then
		key=$(sed -n 's/^PORTAL_SECURITY_ID_KEY=//p' "$env")
	fi
	if ! [[ $key =~ ^[0-9a-f]{64}$ ]]; then
		key=$(od -An -vtx1 -N32 /dev/urandom | tr -d ' \n')
		(
			umask 077
			printf 'PORTAL_SECURITY_ID_KEY=%s\n' "$key" >"$env.new"
		)
		mv -f "$env.new" "$env"
	fi
	export PORTAL_SECURITY_ID_KEY=$key
}

# Export the environment the programs run with, and save it in VAR/stack.env.
stack_export() {
	local port=$1 v
	stack_id_key
	export PORTAL_SECURITY_COMMON_PASSWORDS=$STACK_ROOT/conf/common-passwords.txt
	export PORTAL_DB_SOCKET=$S_DB_SOCK
	export PORTAL_DB_USER=portal
	export PORTAL_DB_PASSWORD=$S_DB_PASSWORD
	export PORTAL_DB_NAME=portal
	export PORTAL_SERVER_SOCKET=$S_APP_SOCK
	export PORTAL_SERVER_TMPDIR=$S_TMP
	export PORTAL_PATHS_TEMPLATES=$STACK_ROOT/templates
	export PORTAL_PATHS_MIGRATIONS=$STACK_ROOT/migrations
	export PORTAL_PATHS_SEED=$STACK_ROOT/migrations/seed
	export PORTAL_SITE_BASE_URL=http://127.0.0.1:$port
	export PORTAL_SEED_ACCOUNTS=$S_VAR/accounts.txt
	export PORTAL_MAIL_SMTP_URL=smtp://127.0.0.1:$S_SMTP_PORT
	(
		umask 077
		for v in PORTAL_DB_SOCKET PORTAL_DB_USER PORTAL_DB_PASSWORD PORTAL_DB_NAME \
			PORTAL_SERVER_SOCKET PORTAL_SERVER_TMPDIR PORTAL_PATHS_TEMPLATES \
			PORTAL_PATHS_MIGRATIONS PORTAL_PATHS_SEED PORTAL_SITE_BASE_URL \
			PORTAL_SEED_ACCOUNTS PORTAL_MAIL_SMTP_URL PORTAL_SECURITY_ID_KEY \
			PORTAL_SECURITY_COMMON_PASSWORDS; do
			printf 'export %s=%q\n' "$v" "${!v}"
		done >"$S_VAR/stack.env"
	)
}

# portalctl migrate and seed; output to VAR/log/portalctl.log.
stack_portalctl() {
	local bindir=$1 cmd
	for cmd in migrate seed; do
		printf '== portalctl %s (%s)\n' "$cmd" "$(date -u +%FT%TZ)" >>"$S_LOG/portalctl.log"
		if ! (cd "$STACK_ROOT" && "$bindir/portalctl" -c "$STACK_ROOT/conf/portal.conf" "$cmd") \
			</dev/null >>"$S_LOG/portalctl.log" 2>&1; then
			stack_fail "portalctl $cmd failed" portalctl.log
		fi
	done
}

# Does something accept TCP connections on loopback port $1?  (bash's
# /dev/tcp, in a subshell so that the connection closes at once.)
stack_port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Start the SMTP sink (Debian's aiosmtpd) on port PORTAL_SMTP_PORT, else a
# free loopback port; it writes every message it accepts into the maildir
# VAR/mail.  Sets S_SMTP_PORT.
stack_smtp_start() {
	local port=${PORTAL_SMTP_PORT:-} pid end
	if [[ -n $port ]]; then
		if [[ ! $port =~ ^[1-9][0-9]{0,4}$ ]] || ((port > 65535)); then
			die "bad PORTAL_SMTP_PORT: $port"
		fi
		if stack_port_open "$port"; then
			die "PORTAL_SMTP_PORT $port is in use"
		fi
	else
		port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])') ||
			die "no free port for the SMTP sink"
	fi
	# Made here: aiosmtpd's Maildir makes cur/ new/ tmp/ only in a new directory.
	mkdir -p "$S_MAIL"/{cur,new,tmp}
	stack_spawn "$S_SMTP_PID" "$S_LOG/smtp.log" "$S_VAR" /usr/bin/python3 -m aiosmtpd \
		-n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$S_MAIL"
	pid=$(<"$S_SMTP_PID")
	end=$((SECONDS + STACK_SMTP_WAIT))
	until stack_port_open "$port"; do
		if ! stack_alive "$pid"; then
			stack_fail "the SMTP sink exited during start-up" smtp.log
		fi
		if ((SECONDS >= end)); then
			stack_fail "the SMTP sink did not listen on port $port within ${STACK_SMTP_WAIT}s" smtp.log
		fi
		sleep 0.1
	done
	# Another program may have taken the port first; then aiosmtpd exits.
	sleep 0.2
	stack_alive "$pid" || stack_fail "the SMTP sink exited during start-up" smtp.log
	S_SMTP_PORT=$port
}

# Start portal.fcgi and wait for its socket.
stack_app_start() {
	local bindir=$1 pid end
	rm -f "$S_APP_SOCK"
	stack_spawn "$S_APP_PID" "$S_LOG/portal.log" "$STACK_ROOT" \
		"$bindir/portal.fcgi" -c "$STACK_ROOT/conf/portal.conf"
	pid=$(<"$S_APP_PID")
	end=$((SECONDS + STACK_APP_WAIT))
	until [[ -S $S_APP_SOCK ]]; do
		if ! stack_alive "$pid"; then
			stack_fail "portal.fcgi exited during start-up" portal.log
		fi
		if ((SECONDS >= end)); then
			stack_fail "portal.fcgi made no socket within ${STACK_APP_WAIT}s" portal.log
		fi
		sleep 0.1
	done
}

# Write VAR/nginx.conf from conf/nginx/dev.conf.in.
stack_ngx_conf() {
	local port=$1 conf user
	user=$(id -un)
	conf=$(<"$STACK_ROOT/conf/nginx/dev.conf.in")
	conf=${conf//@VAR@/"$S_VAR"}
	conf=${conf//@PORT@/"$port"}
	conf=${conf//@ROOT@/"$STACK_ROOT"}
	conf=${conf//@SOCKET@/"$S_APP_SOCK"}
	conf=${conf//@USER@/"$user"}
	printf '%s\n' "$conf" >"$S_VAR/nginx.conf"
}

# Start nginx and wait until /healthz answers 200 through it.
stack_ngx_start() {
	local port=$1 end code url=http://127.0.0.1:$1/healthz
	stack_ngx_conf "$port"
	rm -f "$S_NGX_PID"
	if ! nginx -p "$S_NGX/" -c "$S_VAR/nginx.conf" -e "$S_LOG/nginx-error.log" \
		</dev/null >"$S_LOG/nginx-start.log" 2>&1; then
		stack_fail "nginx did not start" nginx-start.log nginx-error.log
	fi
	end=$((SECONDS + STACK_HTTP_WAIT))
	while :; do
		code=$(curl --noproxy '*' -s -o /dev/null -w '%{http_code}' --max-time 2 "$url") || true
		if [[ $code == 200 && -s $S_NGX_PID ]]; then
			break
		fi
		if ! stack_pid "$S_APP_PID" >/dev/null; then
			stack_fail "portal.fcgi exited" portal.log
		fi
		if ((SECONDS >= end)); then
			stack_fail "$url answered ${code:-nothing}, not 200, within ${STACK_HTTP_WAIT}s"
		fi
		sleep 0.2
	done
}

# Start the whole stack in $1 on port $2 with the programs in $3.
stack_start() {
	local var=$1 port=$2 bindir=$3 fresh=0
	if [[ ! $port =~ ^[1-9][0-9]{0,4}$ ]] || ((port > 65535)); then
		die "bad port: $port"
	fi
	[[ -x $bindir/portal.fcgi && -x $bindir/portalctl ]] ||
		die "$bindir/portal.fcgi or $bindir/portalctl missing (make build)"
	bindir=$(cd "$bindir" && pwd -P)
	stack_paths "$var" create
	stack_mkdirs
	stack_log_mark
	if stack_running; then
		log "stopping what is still running in $S_VAR"
		stack_stop_paths
	fi
	if stack_db_init; then
		fresh=1
	fi
	stack_db_start
	stack_db_account "$fresh"
	stack_smtp_start
	stack_export "$port"
	stack_portalctl "$bindir"
	stack_app_start "$bindir"
	stack_ngx_start "$port"
}

# Does anything of the stack in S_VAR run?
stack_running() {
	stack_pid "$S_NGX_PID" >/dev/null || stack_pid "$S_APP_PID" >/dev/null ||
		stack_pid "$S_SMTP_PID" >/dev/null || stack_pid "$S_DB_PID" >/dev/null
}

stack_db_stop_paths() {
	stack_kill mariadbd "$S_DB_PID" TERM "$STACK_DB_STOP_WAIT"
	rm -f "$S_DB_SOCK"
}

# Stop nginx, the application, the SMTP sink and MariaDB, in that order.
stack_stop_paths() {
	stack_kill nginx "$S_NGX_PID" QUIT "$STACK_STOP_WAIT"
	stack_kill portal "$S_APP_PID" TERM "$STACK_STOP_WAIT"
	rm -f "$S_APP_SOCK"
	stack_kill aiosmtpd "$S_SMTP_PID" TERM "$STACK_STOP_WAIT"
	stack_db_stop_paths
}

stack_stop() {
	stack_paths "$1"
	if [[ -d $S_RUN ]]; then
		stack_stop_paths
	fi
}

stack_db_stop() {
	stack_paths "$1"
	if [[ -d $S_RUN ]]; then
		stack_db_stop_paths
	fi
}

stack_db_restart() {
	stack_paths "$1"
	[[ -d $S_DB/mysql ]] || die "no MariaDB datadir in $S_VAR (start the stack first)"
	stack_log_mark
	stack_db_start
}

# On exit from a start that did not finish (failure, Ctrl-C), stop what
# was started.
STACK_STARTING=
stack_on_exit() {
	if [[ -n $STACK_STARTING && -n ${S_VAR:-} ]]; then
		STACK_STARTING=
		log "start-up interrupted or failed; stopping $S_VAR"
		stack_stop_paths || true
	fi
}

stack_guarded_start() {
	trap stack_on_exit EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	STACK_STARTING=1
	stack_start "$@"
	STACK_STARTING=
	trap - INT TERM
}

cmd_run() {
	local var=$STACK_ROOT/var/dev port=${PORTAL_PORT:-8080}
	stack_guarded_start "$var" "$port" "$STACK_ROOT/cgi-bin"
	printf '\nWard Portal: http://127.0.0.1:%s/\n' "$port"
	printf 'State and logs in %s; stop with: make stop\n' "$S_VAR"
	printf 'Mail the portal sent (maildir, one file per message): %s/new/\n' "$S_MAIL"
	if [[ -s $S_VAR/accounts.txt ]]; then
		printf '\nDemo accounts:\n'
		cat "$S_VAR/accounts.txt"
	fi
}

usage() {
	sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}" >&2
	exit 2
}

main() {
	local cmd=${1:-}
	shift || true
	case $cmd in
	deps)
		(($# == 0)) || usage
		stack_deps
		;;
	start)
		(($# == 3)) || usage
		stack_guarded_start "$@"
		log "up: http://127.0.0.1:$2/ (state in $S_VAR)"
		;;
	stop)
		(($# <= 1)) || usage
		stack_stop "${1:-$STACK_ROOT/var/dev}"
		;;
	db-stop)
		(($# == 1)) || usage
		stack_db_stop "$1"
		;;
	db-start)
		(($# == 1)) || usage
		stack_db_restart "$1"
		;;
	run)
		(($# == 0)) || usage
		cmd_run
		;;
	*)
		usage
		;;
	esac
}

# Sourcing defines the functions only.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	main "$@"
fi
