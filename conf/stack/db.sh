# shellcheck shell=bash
# The stack's MariaDB: a private mariadbd on a unix socket only, its
# datadir in VAR/db, its two accounts' passwords in VAR/db.env (mode 0600).
#
# The accounts, both @localhost:
#   portal          the responder and portalctl's user commands: rows only
#                   (SELECT, INSERT, UPDATE, DELETE on portal.*)
#   portal_migrate  portalctl migrate and seed: the schema (ALL on portal.*)
# The audit log's triggers (migrations/0004) run with their definer's
# rights, the migration account's, so the responder needs nothing more.

# Bounds, in seconds.
STACK_DB_WAIT=30
STACK_DB_STOP_WAIT=30

# shellcheck disable=SC2034 # S_* are read by the other stack files
db_paths() {
	S_DB=$S_VAR/db
	S_DB_SOCK=$S_RUN/mysqld.sock
	S_DB_PID=$S_RUN/mysqld.pid
	S_DB_ENV=$S_VAR/db.env
	# The OS user mariadb-install-db gives a unix_socket admin account.
	S_ADMIN=$(id -un)
	S_LOG_FILES+=("$S_LOG/mariadb-install.log" "$S_LOG/mariadb.err")
}

db_check() {
	stack_check_socket "$S_DB_SOCK"
}

# Start MariaDB (creating the datadir and the accounts on first use) and
# export the responder's connection settings.
db_start() {
	local fresh=0
	if db_init; then
		fresh=1
	fi
	db_daemon_start
	db_accounts "$fresh"
	stack_env_export PORTAL_DB_SOCKET "$S_DB_SOCK"
	stack_env_export PORTAL_DB_NAME portal
}

db_stop() {
	stack_kill mariadbd "$S_DB_PID" TERM "$STACK_DB_STOP_WAIT"
	rm -f "$S_DB_SOCK"
}

db_running() {
	stack_pid "$S_DB_PID" >/dev/null
}

# Start only mariadbd again, on the datadir a stack start made.
db_restart() {
	[[ -d $S_DB/mysql ]] || die "no MariaDB datadir in $S_VAR (start the stack first)"
	stack_log_mark
	db_daemon_start
}

# mariadbd's options for this stack.  Test stacks (any VAR but var/dev)
# trade durability on an OS crash for speed.  Search indexes every word
# of one letter or more and has no stop words: Vietnamese syllables are
# short ("y tế", "xã", "an"), and the English list would drop "an", "a"
# (conf/mariadb/60-ward-portal.cnf says the same for production).
db_args() {
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
		--innodb-ft-min-token-size=1
		--innodb-ft-enable-stopword=OFF
	)
	if [[ $S_VAR != "$STACK_ROOT/var/dev" ]]; then
		S_DB_ARGS+=(--innodb-flush-log-at-trx-commit=2)
	fi
}

# Run SQL from stdin as the unix_socket admin account.
db_sql() {
	mariadb --no-defaults --socket="$S_DB_SOCK" --user="$S_ADMIN" --batch --silent
}

# Create the datadir on first use.  Returns 0 when it was just created.
# No host name lookup: --skip-name-resolve alone still lets the script run
# resolveip on `uname -n` (and give up when that and localhost fail);
# --force skips that check.  With socket authentication the only accounts
# made are @localhost, so nothing needs the host's name or address.
db_init() {
	if [[ -d $S_DB/mysql ]]; then
		return 1
	fi
	rm -rf "$S_DB"
	if ! mariadb-install-db --no-defaults --datadir="$S_DB" --user="$S_ADMIN" \
		--auth-root-authentication-method=socket --skip-test-db \
		--skip-name-resolve --force >"$S_LOG/mariadb-install.log" 2>&1; then
		rm -rf "$S_DB"
		stack_fail "mariadb-install-db failed" mariadb-install.log
	fi
	return 0
}

# Does the mariadbd of pid $1 answer?  (ping exits 0 once the server
# answers, even with "access denied".)  2: it exited.
db_answers() {
	if mariadb-admin --no-defaults --socket="$S_DB_SOCK" --user="$S_ADMIN" \
		--connect-timeout=2 ping >/dev/null 2>&1; then
		return 0
	fi
	stack_alive "$1" || return 2
	return 1
}

# Start mariadbd on an initialised datadir and wait until it answers.
db_daemon_start() {
	local pid
	if pid=$(stack_pid "$S_DB_PID"); then
		die "MariaDB already running in $S_VAR (pid $pid)"
	fi
	rm -f "$S_DB_SOCK"
	db_args
	stack_spawn "$S_DB_PID" "$S_LOG/mariadb.err" "$S_VAR" mariadbd "${S_DB_ARGS[@]}"
	pid=$(<"$S_DB_PID")
	stack_wait "$STACK_DB_WAIT" db_answers "$pid" || case $? in
	1) stack_fail "MariaDB did not answer within ${STACK_DB_WAIT}s" mariadb.err ;;
	*) stack_fail "mariadbd exited during start-up" mariadb.err ;;
	esac
}

# Set variable $1 to the password $2 in db.env: empty when db.env has none;
# $3 = required: db.env, when it exists, must hold it.
db_env_get() {
	local v=
	if [[ -s $S_DB_ENV ]]; then
		v=$(sed -n "s/^$2=//p" "$S_DB_ENV")
		if [[ -n $v || $3 == required ]] && ! [[ $v =~ ^[0-9a-f]{32,}$ ]]; then
			die "$S_DB_ENV: no valid $2"
		fi
	fi
	printf -v "$1" '%s' "$v"
}

# Create database and accounts if new ($1 = 1) or if db.env lacks a
# password (a new VAR, or one made before the migration account), and
# keep both accounts' settings for the programs and VAR/stack.env.
db_accounts() {
	local fresh=$1 pw mpw
	db_env_get pw PORTAL_DB_PASSWORD required
	# Optional: a db.env from before the migration account has none.
	db_env_get mpw PORTAL_DB_MIGRATE_PASSWORD optional
	if [[ $fresh == 1 || -z $pw || -z $mpw ]]; then
		pw=${pw:-$(stack_random_hex 24)}
		mpw=${mpw:-$(stack_random_hex 24)}
		db_grant "$pw" "$mpw"
		printf 'PORTAL_DB_PASSWORD=%s\nPORTAL_DB_MIGRATE_PASSWORD=%s\n' "$pw" "$mpw" |
			stack_write_private "$S_DB_ENV"
	fi
	chmod 0600 "$S_DB_ENV"
	stack_env_export PORTAL_DB_USER portal
	stack_env_export PORTAL_DB_PASSWORD "$pw"
	# Only portalctl migrate and seed get these (conf/stack/app.sh).
	stack_env_keep PORTAL_DB_MIGRATE_USER portal_migrate
	stack_env_keep PORTAL_DB_MIGRATE_PASSWORD "$mpw"
}

# Create the database and both accounts with passwords $1 (responder) and
# $2 (migration); set the passwords and rights of existing ones (the
# responder's account had all rights before the migration account).
db_grant() {
	db_sql <<-EOF || stack_fail "could not create database and accounts" mariadb.err
		CREATE DATABASE IF NOT EXISTS portal
		    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER IF NOT EXISTS 'portal'@'localhost' IDENTIFIED BY '$1';
		ALTER USER 'portal'@'localhost' IDENTIFIED BY '$1';
		REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'portal'@'localhost';
		GRANT SELECT, INSERT, UPDATE, DELETE ON portal.* TO 'portal'@'localhost';
		CREATE USER IF NOT EXISTS 'portal_migrate'@'localhost' IDENTIFIED BY '$2';
		ALTER USER 'portal_migrate'@'localhost' IDENTIFIED BY '$2';
		GRANT ALL PRIVILEGES ON portal.* TO 'portal_migrate'@'localhost';
	EOF
}
