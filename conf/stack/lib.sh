# shellcheck shell=bash
# Helpers shared by conf/stack.sh and the service files beside this one:
# messages, state paths, pid files, spawning, stopping, the one wait, logs,
# and the environment the stack's programs run with.
#
# A service is a file conf/stack/NAME.sh that defines
#   NAME_paths            set its S_* paths from S_VAR and S_RUN, and add its
#                         logs to S_LOG_FILES (no side effects: stop uses it)
#   NAME_check            optional: refuse paths it cannot use, before
#                         anything starts
#   NAME_start PORT BIN   start it, wait until it serves, export with
#                         stack_env_export what the later services need
#   NAME_stop             stop it; fine when it does not run
#   NAME_running          true while any of its processes runs
# and is listed, in start order, in STACK_SERVICES (conf/stack.sh).

# Seconds a daemon gets to stop before SIGKILL.
STACK_STOP_WAIT=10

log() { printf 'stack: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

# The one way to wait: run "$@" every 0.1 s until it succeeds, for at most
# $1 seconds.  A condition returns 0 (done), 1 (not yet) or 2 and more
# (never: what it waits for is gone), which ends the wait at once.
# Returns 0 when the condition held, 1 at the deadline, else the
# condition's own status.
stack_wait() {
	local now end rc
	now=${EPOCHREALTIME//[!0-9]/}
	end=$((now + $1 * 1000000))
	shift
	while :; do
		if "$@"; then
			return 0
		else
			rc=$?
		fi
		if ((rc >= 2)); then
			return "$rc"
		fi
		now=${EPOCHREALTIME//[!0-9]/}
		if ((now >= end)); then
			return 1
		fi
		sleep 0.1
	done
}

# Set the S_* path variables for state directory $1 (made absolute; created
# when $2 is "create"): the common ones here, each service's by NAME_paths.
# S_LOG_FILES lists the logs in the order start writes them.
stack_paths() {
	local var=$1 s
	if [[ ${2:-} == create ]]; then
		mkdir -p "$var"
	fi
	if [[ -d $var ]]; then
		var=$(cd "$var" && pwd -P)
	fi
	S_VAR=$var
	S_RUN=$var/run
	S_LOG=$var/log
	S_LOG_FILES=()
	for s in "${STACK_SERVICES[@]}"; do
		"${s}_paths"
	done
}

# Create VAR's common directories.  VAR and run/ are 0755: nginx workers
# reach the application's socket through them.
stack_mkdirs() {
	mkdir -p "$S_RUN" "$S_LOG"
	chmod 0755 "$S_VAR" "$S_RUN"
}

# Refuse a unix socket path $1 the kernel cannot bind.
stack_check_socket() {
	# sun_path holds 108 bytes, terminator included.
	if ((${#1} > 100)); then
		die "socket path too long for a unix socket (${#1} bytes): $1"
	fi
}

# Is $1 a TCP port number?
stack_valid_port() {
	[[ $1 =~ ^[1-9][0-9]{0,4}$ ]] && (($1 <= 65535))
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

stack_group_gone() { ! stack_group_alive "$1"; }

# Print the pid in pid file $1 if it names a live process; else fail.
stack_pid() {
	local pid
	[[ -f $1 ]] || return 1
	pid=$(<"$1") || return 1
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	stack_alive "$pid" || return 1
	printf '%s\n' "$pid"
}

# Does something accept TCP connections on loopback port $1?  (bash's
# /dev/tcp, in a subshell so that the connection closes at once.)
stack_port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Does process $1 itself hold a listening IPv4 TCP socket on port $2?  An
# open port alone may be another program's: this matches the listening
# socket's inode in the process's net/tcp table against its descriptors.
stack_listens() {
	local port own
	printf -v port '%04X' "$2"
	own=$(find "/proc/$1/fd" -lname 'socket:*' -printf '%l ' 2>/dev/null) || return 1
	[[ -n $own ]] || return 1
	awk -v p=":$port" -v own=" $own" '$4 == "0A" && substr($2, length($2) - 4) == p &&
		index(own, " socket:[" $10 "] ") { f = 1 } END { exit !f }' \
		"/proc/$1/net/tcp" 2>/dev/null || return 1
}

# Does process $1 listen on port $2 itself?  2: it exited (for
# stack_wait).
stack_serves() {
	stack_alive "$1" || return 2
	stack_listens "$1" "$2"
}

# Stop the daemon of pid file $2 (name $1, which its command line must
# contain) with signal $3, waiting $4 seconds (default STACK_STOP_WAIT)
# before SIGKILL to its whole process group.  Tolerates a missing pid file
# or a process already gone.
stack_kill() {
	local name=$1 pidfile=$2 sig=$3 wait=${4:-$STACK_STOP_WAIT} pid
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
	if ! stack_wait "$wait" stack_group_gone "$pid"; then
		log "warning: $name (pid $pid) still running after ${wait}s; SIGKILL"
		kill -KILL -- "-$pid" 2>/dev/null || true
		kill -KILL "$pid" 2>/dev/null || true
		stack_wait 5 stack_group_gone "$pid" || log "warning: $name (pid $pid) survives SIGKILL"
	fi
	rm -f "$pidfile"
}

# Start "$@" detached: own session, stdin from /dev/null, stdout and stderr
# appended to log $2, working directory $3; its pid goes to pid file $1
# (written by the child itself, so it is right even if setsid forks).
stack_spawn() {
	local pidfile=$1 logfile=$2 cwd=$3
	shift 3
	rm -f "$pidfile"
	# shellcheck disable=SC2016 # expanded by the child shell
	setsid bash -c 'echo "$$" >"$1" && cd "$2" && shift 2 && exec "$@"' \
		stack-spawn "$pidfile" "$cwd" "$@" </dev/null >>"$logfile" 2>&1 &
	stack_wait 5 test -s "$pidfile" || die "could not start $1 (see $logfile)"
}

# Remember how long each log is, so that a failure shows only what this
# start-up wrote.
declare -gA S_LOG_MARK=()
stack_log_mark() {
	local f
	for f in "${S_LOG_FILES[@]}"; do
		S_LOG_MARK[$f]=$(stat -c %s "$f" 2>/dev/null || echo 0)
	done
}

# Print the last lines each log ($@: names in log/; default all) got since
# stack_log_mark, for a failure.
stack_logs() {
	local f new files=("${S_LOG_FILES[@]}")
	if (($# > 0)); then
		files=("${@/#/$S_LOG/}")
	fi
	for f in "${files[@]}"; do
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

# Print $1 random bytes as hex digits.
stack_random_hex() {
	od -An -vtx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# Replace file $1 by standard input, mode 0600 from the start.
stack_write_private() {
	(
		umask 077
		cat >"$1.new"
	)
	mv -f "$1.new" "$1"
}

# The PORTAL_* variables the stack runs with, in the order set, for
# VAR/stack.env.
S_ENV_NAMES=()

# Keep $1=$2 for VAR/stack.env without exporting it to the stack's
# programs (a secret that only some of them may have), even when the
# caller's environment had it.
stack_env_keep() {
	printf -v "$1" '%s' "$2"
	export -n "${1?}"
	S_ENV_NAMES+=("$1")
}

# Export $1=$2 to the programs started from now on, and keep it for
# VAR/stack.env.
stack_env_export() {
	stack_env_keep "$1" "$2"
	export "${1?}"
}

# Write VAR/stack.env (mode 0600, for sourcing): every variable kept so far.
stack_env_save() {
	local v
	for v in "${S_ENV_NAMES[@]}"; do
		printf 'export %s=%q\n' "$v" "${!v}"
	done | stack_write_private "$S_VAR/stack.env"
}
