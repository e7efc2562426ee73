# shellcheck shell=bash
# The Debian packages (12 and 13) the portal needs, in two sets: what
# `make run` needs (the build and the stack's services), and what only the
# tests need (make test, fuzz, bench), so that a demo machine gets no
# browser, no attack tool, no fuzzing toolchain.

# The build, and the services of conf/stack.sh with the tools it runs
# (mariadb-admin, curl, ps, python3 for the SMTP sink and free ports,
# Node.js and npm for the stand-in for Thái Nguyên ID).
DEPS_RUN=(
	build-essential pkg-config g++
	libfcgi-dev libctemplate-dev libmariadb-dev mariadb-server mariadb-client
	libsodium-dev libssl-dev libcurl4-openssl-dev libjansson-dev libcjose-dev
	libcmark-gfm-dev libcmark-gfm-extensions-dev libgd-dev libmagic-dev
	libqrencode-dev libunistring-dev
	nginx-light curl python3 python3-aiosmtpd procps nodejs npm
)

# Only the tests: libFuzzer (clang, and its runtime, whose name follows
# clang's version: see deps_clang_rt), valgrind, wrk, sqlmap, the browser
# tests (chromium; node and npm are in the run set), the linters of make test, iproute2 (ss,
# ip) for looking into a test stack, and zbar-tools with librsvg2-bin
# (zbarimg, rsvg-convert) to decode a receipt's QR code, and libxml2-utils
# (xmllint) to check the Atom feeds and the sitemap.
DEPS_TEST=(
	clang valgrind wrk sqlmap chromium shellcheck pyflakes3 iproute2
	zbar-tools librsvg2-bin libxml2-utils
)

# Set DEPS_INSTALLED[name] for every package installed, and for every name
# an installed package provides (NodeSource's nodejs provides npm, and
# conflicts with Debian's npm package).
deps_installed() {
	local p status
	declare -gA DEPS_INSTALLED=()
	# shellcheck disable=SC2016 # dpkg-query's format, not a shell expansion
	status=$(dpkg-query -W -f='${db:Status-Status} ${Package}, ${Provides}\n' 2>/dev/null |
		awk '$1 == "installed" { $1 = ""; gsub(/\([^)]*\)/, "")
			n = split($0, a, /[ ,]+/); for (i = 1; i <= n; i++) if (a[i] != "") print a[i] }') || true
	while read -r p; do
		if [[ -n $p ]]; then
			DEPS_INSTALLED[$p]=1
		fi
	done <<<"$status"
}

# Print the clang runtime package (libclang-rt-NN-dev) for the clang that
# the package clang is or will be: from the installed package's dependency
# on clang-NN, else from the candidate's (apt-cache: after apt-get update
# on a fresh machine).  Fails when neither says.
deps_clang_rt() {
	local major
	if [[ -n ${DEPS_INSTALLED[clang]:-} ]]; then
		# shellcheck disable=SC2016 # dpkg-query's format
		major=$(dpkg-query -W -f='${Depends}\n' clang | grep -o 'clang-[0-9]\+' | head -n 1)
	else
		major=$(apt-cache depends clang 2>/dev/null | sed -n 's/^ *Depends: \(clang-[0-9]\+\)$/\1/p' | head -n 1)
	fi
	[[ -n $major ]] || return 1
	printf 'libclang-rt-%s-dev\n' "${major#clang-}"
}

# Install what is missing of the run set ($1 empty) or of both sets ($1 =
# test); silent when nothing is.
deps_install() {
	local p rt missing=() want=("${DEPS_RUN[@]}")
	if [[ ${1:-} == test ]]; then
		want+=("${DEPS_TEST[@]}")
	fi
	deps_installed
	for p in "${want[@]}"; do
		if [[ -z ${DEPS_INSTALLED[$p]:-} ]]; then
			missing+=("$p")
		fi
	done
	# With clang installed its runtime is known now; without, it is
	# missing, and apt-cache is asked below, after apt-get update.
	if [[ ${1:-} == test && -n ${DEPS_INSTALLED[clang]:-} ]]; then
		rt=$(deps_clang_rt) || die "cannot tell the version of the installed clang"
		if [[ -z ${DEPS_INSTALLED[$rt]:-} ]]; then
			missing+=("$rt")
		fi
	fi
	if ((${#missing[@]} == 0)); then
		return 0
	fi
	deps_apt "${1:-}" "${missing[@]}"
}

# Install packages "${@:2}" with apt-get (root only), and clang's runtime
# when $1 is test and clang is among them.
deps_apt() {
	local set=$1 rt
	shift
	if ((EUID != 0)); then
		log "missing Debian packages: $*"
		log "install them as root with:"
		log "  apt-get update && apt-get install --no-install-recommends $*"
		if [[ $set == test && -z ${DEPS_INSTALLED[clang]:-} ]]; then
			log "and clang's runtime, libclang-rt-NN-dev for clang-NN (apt-cache depends clang)"
		fi
		exit 1
	fi
	apt-get update
	if [[ $set == test && -z ${DEPS_INSTALLED[clang]:-} ]]; then
		rt=$(deps_clang_rt) || die "apt-cache names no clang-NN for the package clang"
		set -- "$@" "$rt"
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}
