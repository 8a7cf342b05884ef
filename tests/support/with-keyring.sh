#!/usr/bin/env bash
# Runs a test inside a private D-Bus session with an unlocked GNOME keyring and a fresh HOME, as on a desktop.
set -euo pipefail
export HOME="$(mktemp -d)"
trap 'rm -rf "$HOME"' EXIT
export XDG_RUNTIME_DIR="$HOME/runtime"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- bash -c 'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"; export GNOME_KEYRING_CONTROL; exec "$@"' _ "$@"
