#!/bin/sh
# Installs Ausweg and its hardening bundle on a Debian host in one step:
# binary, content, configuration, systemd units, AppArmor profile, firewall,
# journald, coredump, sysctl and tor drop-ins. Running it again changes
# only what differs. Every file is written beside its target and renamed
# into place, so no half-written file is ever left behind.
#
#   hardening/install.sh [--dry-run] [--root DIR] [--binary FILE] [--onion-only]
#
#   --dry-run     say what would change, change nothing
#   --root DIR    install into DIR instead of /, and activate nothing (for
#                 tests and for building images)
#   --binary FILE the ausweg binary (default: .build/release/ausweg)
#   --onion-only  leave out the HTTPS and HTTP socket units, for a host that
#                 serves only the onion
#
# Check the result with `ausweg audit` (or `ausweg audit --root DIR`).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
project=$(dirname "$here")
root=/
dry=no
onion_only=no
binary="$project/.build/release/ausweg"

usage() {
    sed -n '/^#   hardening/,/^#  *serves only the onion/s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
    --dry-run) dry=yes ;;
    --onion-only) onion_only=yes ;;
    --root)
        [ $# -ge 2 ] || usage
        root=$2
        shift
        ;;
    --binary)
        [ $# -ge 2 ] || usage
        binary=$2
        shift
        ;;
    -h | --help) usage ;;
    *)
        echo "install.sh: unknown argument $1" >&2
        usage
        ;;
    esac
    shift
done

case "$root" in
/*) ;;
*) root="$(pwd)/$root" ;;
esac
root=${root%/}
[ -f "$binary" ] || { echo "install.sh: no binary at $binary (swift build -c release)" >&2; exit 2; }
[ -d "$project/content" ] || { echo "install.sh: no content folder in $project" >&2; exit 2; }
if [ -z "$root" ] && [ "$dry" = no ] && [ "$(id -u)" != 0 ]; then
    echo "install.sh: installing into / needs root" >&2
    exit 2
fi

changed=0

say() { echo "install.sh: $*"; }

# install_file SOURCE TARGET MODE: copy unless the target is already equal.
install_file() {
    target="$root$2"
    if [ -f "$target" ] && cmp -s "$1" "$target"; then
        chmod "$3" "$target" 2>/dev/null || true
        return
    fi
    changed=$((changed + 1))
    say "install $2"
    [ "$dry" = yes ] && return
    mkdir -p "$(dirname "$target")"
    cp "$1" "$target.ausweg-new"
    chmod "$3" "$target.ausweg-new"
    mv -f "$target.ausweg-new" "$target"
}

# install_new SOURCE TARGET MODE: only where no file exists yet, so an
# operator's own settings survive a second run.
install_new() {
    [ -e "$root$2" ] && return
    install_file "$@"
}

# install_tree SOURCE TARGET: replace a folder's copy as a whole.
install_tree() {
    target="$root$2"
    if [ -d "$target" ] && diff -r -q "$1" "$target" >/dev/null 2>&1; then
        return
    fi
    changed=$((changed + 1))
    say "install $2/"
    [ "$dry" = yes ] && return
    mkdir -p "$(dirname "$target")"
    rm -rf "$target.ausweg-new" "$target.ausweg-old"
    cp -R "$1" "$target.ausweg-new"
    chmod -R u=rwX,go=rX "$target.ausweg-new"
    [ -e "$target" ] && mv "$target" "$target.ausweg-old"
    mv "$target.ausweg-new" "$target"
    rm -rf "$target.ausweg-old"
}

# keep_line FILE LINE: append LINE to FILE unless it is there already.
keep_line() {
    target="$root$1"
    [ -f "$target" ] && grep -qxF "$2" "$target" && return
    changed=$((changed + 1))
    say "add \"$2\" to $1"
    [ "$dry" = yes ] && return
    mkdir -p "$(dirname "$target")"
    { [ -f "$target" ] && cat "$target"; echo "$2"; } >"$target.ausweg-new"
    mv -f "$target.ausweg-new" "$target"
}

install_file "$binary" /usr/local/bin/ausweg 0755
install_tree "$project/content" /usr/local/share/ausweg/content
install_new "$here/config/ausweg.conf" /etc/ausweg/ausweg.conf 0644
install_file "$here/systemd/ausweg.service" /etc/systemd/system/ausweg.service 0644
if [ "$onion_only" = no ]; then
    install_file "$here/systemd/ausweg-https.socket" /etc/systemd/system/ausweg-https.socket 0644
    install_file "$here/systemd/ausweg-http.socket" /etc/systemd/system/ausweg-http.socket 0644
fi
install_file "$here/apparmor/usr.local.bin.ausweg" /etc/apparmor.d/usr.local.bin.ausweg 0644
if [ -f "$root/etc/nftables.conf" ] && [ ! -e "$root/etc/nftables.conf.before-ausweg" ] \
    && ! cmp -s "$here/nftables.conf" "$root/etc/nftables.conf"; then
    say "keep the old firewall as /etc/nftables.conf.before-ausweg"
    [ "$dry" = yes ] || cp -p "$root/etc/nftables.conf" "$root/etc/nftables.conf.before-ausweg"
fi
install_file "$here/nftables.conf" /etc/nftables.conf 0755
install_file "$here/host/journald/ausweg.conf" /etc/systemd/journald.conf.d/ausweg.conf 0644
install_file "$here/host/coredump/ausweg.conf" /etc/systemd/coredump.conf.d/ausweg.conf 0644
install_file "$here/host/sysctl/90-ausweg.conf" /etc/sysctl.d/90-ausweg.conf 0644
install_file "$project/tor/torrc" /etc/tor/torrc.d/ausweg.conf 0644
keep_line /etc/tor/torrc "%include /etc/tor/torrc.d/*.conf"

if [ "$dry" = yes ]; then
    say "dry run: $changed change(s) would be made"
    exit 0
fi
say "$changed change(s) made in ${root:-/}"
[ -n "$root" ] && exit 0

# Only on the live host: make the running system take the new files.
systemctl daemon-reload
sysctl --quiet --system
systemctl restart systemd-journald
if command -v apparmor_parser >/dev/null && [ -d /sys/kernel/security/apparmor ]; then
    apparmor_parser -r /etc/apparmor.d/usr.local.bin.ausweg
fi
systemctl enable --now nftables
systemctl enable ausweg
if [ "$onion_only" = no ]; then
    # systemd binds ports 443 and 80 from now on, so a server started before
    # the socket units must let go of them first.
    systemctl stop ausweg
    systemctl enable --now ausweg-https.socket ausweg-http.socket
fi
systemctl restart ausweg
systemctl reload tor || systemctl restart tor
say "done; check with: ausweg audit"
