#!/bin/bash
# Ward Portal dev/test stack: a private MariaDB, an SMTP sink, the stand-in
# for Thái Nguyên ID (oidc-provider), portal.fcgi and nginx, with every file they write under one state directory VAR, so
# that several stacks (make run, each test suite) can run side by side.
#
#   stack.sh deps                   install missing Debian packages that
#                                   make run needs (root)
#   stack.sh deps test              ... and those only the tests need
#   stack.sh start VAR PORT BINDIR  start MariaDB, the SMTP and SMS sinks,
#                                   the OpenID provider, migrate, seed,
#                                   portal, nginx
#                                   (PORTAL_SMTP_PORT: sink's port;
#                                   PORTAL_OIDC_PORT: the provider's)
#   stack.sh stop [VAR]             stop them all (default VAR: var/dev)
#   stack.sh db-stop VAR            stop only MariaDB
#   stack.sh db-start VAR           start only MariaDB again
#   stack.sh sms-stop VAR           stop only the SMS sink
#   stack.sh sms-start VAR          start only the SMS sink again
#   stack.sh run                    (re)start the demo in var/dev, return
#
# Layout of VAR: db/ (datadir), db.env (PORTAL_DB_PASSWORD and
# PORTAL_DB_MIGRATE_PASSWORD, mode 0600), secrets.env (the ID sealing key,
# mode 0600), stack.env (every PORTAL_* variable the stack runs with, mode
# 0600, for sourcing), nginx.conf, nginx/ (nginx prefix and temp dirs),
# run/ (sockets and pid files), log/, tmp/, accounts.txt (written by
# portalctl seed), tnid-accounts.txt (the stand-in provider's residents),
# mail/ (maildir of the SMTP sink: every message the
# portal sent, in new/).
#
# Processes are found only through VAR/run/*.pid, never by name: other stacks
# may be running on the same machine.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

# Each service is one file in conf/stack/ (the contract: conf/stack/lib.sh).
# To add one: write conf/stack/NAME.sh, source it here, and put NAME in
# STACK_SERVICES, which is the start order (stop runs it backwards).
# shellcheck source=stack/lib.sh
source "$STACK_ROOT/conf/stack/lib.sh"
# shellcheck source=stack/deps.sh
source "$STACK_ROOT/conf/stack/deps.sh"
# shellcheck source=stack/db.sh
source "$STACK_ROOT/conf/stack/db.sh"
# shellcheck source=stack/smtp.sh
source "$STACK_ROOT/conf/stack/smtp.sh"
# shellcheck source=stack/sms.sh
source "$STACK_ROOT/conf/stack/sms.sh"
# shellcheck source=stack/oidc.sh
source "$STACK_ROOT/conf/stack/oidc.sh"
# shellcheck source=stack/app.sh
source "$STACK_ROOT/conf/stack/app.sh"
# shellcheck source=stack/nginx.sh
source "$STACK_ROOT/conf/stack/nginx.sh"
STACK_SERVICES=(db smtp sms oidc app nginx)

# Start the whole stack in $1 on port $2 with the programs in $3.
stack_start() {
	local var=$1 port=$2 bindir=$3 s
	stack_valid_port "$port" || die "bad port: $port"
	[[ -x $bindir/portal.fcgi && -x $bindir/portalctl ]] ||
		die "$bindir/portal.fcgi or $bindir/portalctl missing (make build)"
	bindir=$(cd "$bindir" && pwd -P)
	stack_paths "$var" create
	stack_mkdirs
	for s in "${STACK_SERVICES[@]}"; do
		if declare -F "${s}_check" >/dev/null; then
			"${s}_check"
		fi
	done
	stack_log_mark
	if stack_running; then
		log "stopping what is still running in $S_VAR"
		stack_stop_all
	fi
	for s in "${STACK_SERVICES[@]}"; do
		"${s}_start" "$port" "$bindir"
		stack_env_save
	done
}

# Does anything of the stack in S_VAR run?
stack_running() {
	local s
	for s in "${STACK_SERVICES[@]}"; do
		if "${s}_running"; then
			return 0
		fi
	done
	return 1
}

# Stop every service, the last started first.
stack_stop_all() {
	local i
	for ((i = ${#STACK_SERVICES[@]} - 1; i >= 0; i--)); do
		"${STACK_SERVICES[i]}_stop"
	done
}

stack_stop() {
	stack_paths "$1"
	if [[ -d $S_RUN ]]; then
		stack_stop_all
	fi
}

stack_db_stop() {
	stack_paths "$1"
	if [[ -d $S_RUN ]]; then
		db_stop
	fi
}

stack_db_restart() {
	stack_paths "$1"
	db_restart
}

# On exit from a start that did not finish (failure, Ctrl-C), stop what
# was started.
STACK_STARTING=
stack_on_exit() {
	if [[ -n $STACK_STARTING && -n ${S_VAR:-} ]]; then
		STACK_STARTING=
		log "start-up interrupted or failed; stopping $S_VAR"
		stack_stop_all || true
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
	app_seed_history "$STACK_ROOT/cgi-bin"
	printf '\nWard Portal: http://127.0.0.1:%s/\n' "$port"
	printf 'State and logs in %s; stop with: make stop\n' "$S_VAR"
	printf 'Mail the portal sent (maildir, one file per message): %s/new/\n' "$S_MAIL"
	if sms_running; then
		printf 'SMS the portal sent (one JSON file per message): %s/\n' "$S_SMS"
	fi
	if [[ -s $S_VAR/accounts.txt ]]; then
		printf '\nDemo accounts:\n'
		cat "$S_VAR/accounts.txt"
	fi
	if [[ -s $S_OIDC_ACCOUNTS ]]; then
		printf '\n'
		cat "$S_OIDC_ACCOUNTS"
	fi
}

usage() {
	sed -n '2,/^set /{/^# shellcheck /d;/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}" >&2
	exit 2
}

main() {
	local cmd=${1:-}
	shift || true
	case $cmd in
	deps)
		(($# == 0)) || [[ $# == 1 && $1 == test ]] || usage
		deps_install "${1:-}"
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
	sms-stop)
		(($# == 1)) || usage
		stack_paths "$1"
		sms_stop
		;;
	sms-start)
		(($# == 1)) || usage
		stack_paths "$1"
		sms_spawn
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
