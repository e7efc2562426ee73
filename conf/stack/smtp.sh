# shellcheck shell=bash
# The stack's SMTP sink: Debian's aiosmtpd on a loopback port, writing every
# message the portal sends into the maildir VAR/mail (tests read new/).
# The messages hold live reset links: the maildir is the owner's alone
# (0700, messages 0600, the sink runs with umask 077).
# tests/integration/test_mail.py restarts it with the same command line
# and umask.

# Bound, in seconds.
STACK_SMTP_WAIT=10

# shellcheck disable=SC2034 # S_* are read by the other stack files
smtp_paths() {
	S_SMTP_PID=$S_RUN/smtp.pid
	S_MAIL=$S_VAR/mail
	S_LOG_FILES+=("$S_LOG/smtp.log")
}

# Start the sink on port PORTAL_SMTP_PORT, else a free loopback port, and
# export the portal's SMTP URL.
smtp_start() {
	local port pid mask
	smtp_port
	port=$S_SMTP_PORT
	mask=$(umask)
	umask 077
	# Made here: aiosmtpd's Maildir makes cur/ new/ tmp/ only in a new
	# directory.  One made before it was private (make run's var/dev) is
	# made private, with what it holds.
	mkdir -p "$S_MAIL"/{cur,new,tmp}
	chmod -R go= "$S_MAIL"
	stack_spawn "$S_SMTP_PID" "$S_LOG/smtp.log" "$S_VAR" /usr/bin/python3 -m aiosmtpd \
		-n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$S_MAIL"
	umask "$mask"
	pid=$(<"$S_SMTP_PID")
	# Another program may have taken the port first; then aiosmtpd exits.
	stack_wait "$STACK_SMTP_WAIT" stack_serves "$pid" "$port" || case $? in
	1) stack_fail "the SMTP sink did not listen on port $port within ${STACK_SMTP_WAIT}s" smtp.log ;;
	*) stack_fail "the SMTP sink exited during start-up" smtp.log ;;
	esac
	stack_env_export PORTAL_MAIL_SMTP_URL "smtp://127.0.0.1:$port"
}

smtp_stop() {
	stack_kill aiosmtpd "$S_SMTP_PID" TERM
}

smtp_running() {
	stack_pid "$S_SMTP_PID" >/dev/null
}

# Set S_SMTP_PORT: PORTAL_SMTP_PORT if set (and free), else a port the
# kernel calls free now.
smtp_port() {
	local port=${PORTAL_SMTP_PORT:-}
	if [[ -n $port ]]; then
		stack_valid_port "$port" || die "bad PORTAL_SMTP_PORT: $port"
		if stack_port_open "$port"; then
			die "PORTAL_SMTP_PORT $port is in use"
		fi
	else
		port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])') ||
			die "no free port for the SMTP sink"
	fi
	S_SMTP_PORT=$port
}
