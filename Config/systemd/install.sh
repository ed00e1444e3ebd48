#!/bin/sh
# Installs beredskapd as a systemd service, or gives a user a role. No make, no packages.
#
#   sudo Config/systemd/install.sh [--dry-run] [BINARIES]     install (BINARIES: default .build/release)
#   sudo Config/systemd/install.sh [--dry-run] add-user USER ROLE
#                                  ROLE: viewer, operator, caseworker or admin (access.roles)
#
# It creates the system user beredskap (the daemon runs as it), the group beredskap-brukere
# (who may connect to the socket at all) and the groups of the default roles —
# beredskap-les (viewer), beredskap (operator), beredskap-saksbehandler (caseworker),
# beredskap-admin (admin) — installs the binaries, the configuration (only when none is
# there), the shipped action cards (only when /etc/beredskap/playbooks is not there) and
# the units, and starts the socket and the service. Run it again after an upgrade:
# every step is idempotent. --dry-run prints the commands instead of running them.
set -eu

dry=0
if [ "${1:-}" = "--dry-run" ]; then dry=1; shift; fi

run() {
    if [ "$dry" = 1 ]; then echo "+ $*"; else "$@"; fi
}

group() {
    if [ "$dry" = 1 ] || ! getent group "$1" >/dev/null; then run groupadd --system "$1"; fi
}

units="$(cd "$(dirname "$0")" && pwd)"

if [ "${1:-}" = "add-user" ]; then
    [ $# -eq 3 ] || { echo "usage: $0 add-user USER viewer|operator|caseworker|admin" >&2; exit 2; }
    case "$3" in
        viewer) role=beredskap-les ;;
        operator) role=beredskap ;;
        caseworker) role=beredskap-saksbehandler ;;
        admin) role=beredskap-admin ;;
        *) echo "$0: unknown role '$3' (viewer, operator, caseworker or admin)" >&2; exit 2 ;;
    esac
    run usermod --append --groups "beredskap-brukere,$role" "$2"
    echo "$2 may connect and has the $3 role (from the next login)"
    exit 0
fi

binaries="${1:-.build/release}"
for binary in beredskapd beredskap; do
    [ -x "$binaries/$binary" ] || { echo "$0: no $binaries/$binary (swift build -c release first)" >&2; exit 1; }
done

if [ "$dry" = 1 ] || ! getent passwd beredskap >/dev/null; then
    run useradd --system --user-group --home-dir /var/lib/beredskap --no-create-home --shell /usr/sbin/nologin beredskap
fi
for name in beredskap-brukere beredskap-les beredskap-saksbehandler beredskap-admin; do group "$name"; done
run install -m 0755 "$binaries/beredskapd" "$binaries/beredskap" /usr/local/bin/
run install -d -m 0755 /etc/beredskap
if [ "$dry" = 1 ] || [ ! -e /etc/beredskap/beredskap.json5 ]; then
    run sh -c '/usr/local/bin/beredskapd --print-config > /etc/beredskap/beredskap.json5'
fi
# The shipped action cards and exercise scenarios, unless the office has its own already.
if [ "$dry" = 1 ] || [ ! -e /etc/beredskap/playbooks ]; then
    run cp -R "$units/../../Playbooks" /etc/beredskap/playbooks
fi
run /usr/local/bin/beredskapd --check-config --config /etc/beredskap/beredskap.json5 --playbooks /etc/beredskap/playbooks
run install -m 0644 "$units/beredskapd.service" "$units/beredskapd.socket" /etc/systemd/system/
run systemctl daemon-reload
run systemctl enable --now beredskapd.socket beredskapd.service
echo "installed; give people a role with: $0 add-user USER viewer|operator|caseworker|admin"
