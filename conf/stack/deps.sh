# shellcheck shell=bash
# The Debian packages the build, the stack and the tests need: the one list.

DEPS_PACKAGES=(
	build-essential pkg-config g++ clang libclang-rt-14-dev
	libfcgi-dev libctemplate-dev libmariadb-dev mariadb-server mariadb-client
	libsodium-dev libcurl4-openssl-dev libjansson-dev libcjose-dev
	libcmark-gfm-dev libmagic-dev libqrencode-dev libunistring-dev
	nginx-light curl wrk valgrind python3 python3-aiosmtpd procps iproute2
	chromium nodejs npm sqlmap
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

# Install what is missing from DEPS_PACKAGES; silent when nothing is.
deps_install() {
	local p missing=()
	deps_installed
	for p in "${DEPS_PACKAGES[@]}"; do
		if [[ -z ${DEPS_INSTALLED[$p]:-} ]]; then
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
