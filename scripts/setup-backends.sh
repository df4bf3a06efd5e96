#!/usr/bin/env bash
# Installs the Debian packages the secret-store backends and their tests need (issue 4):
#   keyctl           keyutils (the `keyctl` tool) and libkeyutils-dev (the library the backend links)
#   secret-service   libsecret-1-dev (loaded lazily at run time), libsecret-tools (secret-tool, to inspect
#                    items), gnome-keyring and dbus/dbus-x11
#                    (a session bus and a Secret Service provider for tests, see scripts/with-secret-service)
#   pass             pass and gnupg (a throwaway GPG key per test run)
#   end-to-end tests curl (fetches from the local endpoints), util-linux (setsid, runuser: a second uid),
#                    procps (pgrep)
# Idempotent: packages already present are left as they are; safe to run on every CI run.
set -euo pipefail

packages=(
    keyutils libkeyutils-dev
    libsecret-1-dev libsecret-1-0 libsecret-tools gnome-keyring dbus dbus-x11 libglib2.0-bin
    pass gnupg
    pkg-config
    curl util-linux procps
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup-backends: all packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

echo "setup-backends: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
