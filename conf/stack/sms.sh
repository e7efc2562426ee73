# shellcheck shell=bash
# The stack's SMS gateway: conf/stack/sms_sink.py on a loopback port,
# keeping every SMS the portal sends as a JSON file in VAR/sms (make run
# prints where).  Not started when PORTAL_SMS_GATEWAY_URL names a gateway
# already (empty: no SMS at all).
# tests/integration/test_notify_sms.py stops it (`conf/stack.sh sms-stop`)
# to run a gateway of its own on the same port, and starts it again.

# Bound, in seconds.
STACK_SMS_WAIT=10

# shellcheck disable=SC2034 # S_* are read by the other stack files
sms_paths() {
	S_SMS_PID=$S_RUN/sms.pid
	S_SMS=$S_VAR/sms
	S_SMS_PORT_FILE=$S_RUN/sms.port
	S_LOG_FILES+=("$S_LOG/sms.log")
}

# Export the portal's gateway URL: PORTAL_SMS_GATEWAY_URL when given
# (empty: no SMS), else the sink's, started here.
sms_start() {
	if [[ -n ${PORTAL_SMS_GATEWAY_URL+set} ]]; then
		stack_env_export PORTAL_SMS_GATEWAY_URL "$PORTAL_SMS_GATEWAY_URL"
		return 0
	fi
	sms_spawn
	stack_env_export PORTAL_SMS_GATEWAY_URL "http://127.0.0.1:$(<"$S_SMS_PORT_FILE")/sms"
}

# Start the sink on its port (the one it had before, on a restart; else a
# free one) and wait until it listens.
sms_spawn() {
	local port pid
	if [[ -s $S_SMS_PORT_FILE ]]; then
		port=$(<"$S_SMS_PORT_FILE")
	else
		port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])') ||
			die "no free port for the SMS sink"
		printf '%s\n' "$port" >"$S_SMS_PORT_FILE"
	fi
	stack_spawn "$S_SMS_PID" "$S_LOG/sms.log" "$S_VAR" /usr/bin/python3 \
		"$STACK_ROOT/conf/stack/sms_sink.py" 127.0.0.1 "$port" "$S_SMS"
	pid=$(<"$S_SMS_PID")
	stack_wait "$STACK_SMS_WAIT" stack_serves "$pid" "$port" || case $? in
	1) stack_fail "the SMS sink did not listen on port $port within ${STACK_SMS_WAIT}s" sms.log ;;
	*) stack_fail "the SMS sink exited during start-up" sms.log ;;
	esac
}

sms_stop() {
	stack_kill sms_sink.py "$S_SMS_PID" TERM
}

sms_running() {
	stack_pid "$S_SMS_PID" >/dev/null
}
