#!/usr/bin/env bash
# Sunshine+ set-up on Debian 12.
#   ./setup.sh run    install what is missing, build, make development TLS material, start the server on the
#                     embedded SQLite store with demo data at https://127.0.0.1:8443 and open the desktop app.
#   ./setup.sh test   install what is missing, build with warnings as errors, run every test (SQLite and PostgreSQL).
#   ./setup.sh bench [options]  build optimised and run the sync benchmark (options go to bench_sync).
#   ./setup.sh bench dashboard [options]  the dashboard benchmark instead (options go to bench_dashboard).
#   ./setup.sh bench warnings [options]  every warning rule at Nantong scale (options go to bench_warnings).
#   ./setup.sh bench server [options]  the server read benchmark beside nginx (options go to bench_server).
#   ./setup.sh bench import [options]  the disbursement list import benchmark (options go to bench_import).
#   ./setup.sh bench card [options]    the village card statement benchmark (options go to bench_card_import).
#   ./setup.sh bench app [options]  the desktop program's start-up benchmark (options go to bench_app).
# Run as root or as a user who may sudo; packages are installed with apt-get only when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

PACKAGES=(
    build-essential cmake ccache pkg-config git ca-certificates curl openssl procps
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libxkbcommon-dev libgl-dev
    qt6-charts-dev qt6-websockets-dev qt6-httpserver-dev qt6-svg-dev
    libqt6sql6-sqlite libqt6sql6-psql qtkeychain-qt6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libsodium-dev libquazip1-qt6-dev postgresql-15 postgresql-client-15
    xvfb xauth fonts-noto-cjk gnome-keyring dbus dbus-x11 libsecret-1-0
)
# Only the tests need these: the public portal is tested in a real browser.
TEST_PACKAGES=(chromium chromium-driver python3 python3-selenium)

log() { printf '\033[1m== %s\033[0m\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing ${#missing[@]} packages: ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
}

build() {
    local preset="$1"
    log "building ($preset)"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
}

# A development CA and a server certificate for 127.0.0.1 and localhost, under build/ (never committed).
make_dev_tls() {
    local dir="$ROOT/build/dev-tls"
    mkdir -p "$dir"
    if [ -s "$dir/server.pem" ] && openssl x509 -checkend 86400 -noout -in "$dir/server.pem" >/dev/null 2>&1; then
        return
    fi
    log "creating development TLS material in build/dev-tls"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
        -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/O=Sunshine/CN=Sunshine Development CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -keyout "$dir/server.key" -out "$dir/server.csr" -subj "/O=Sunshine/CN=localhost" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' \
        > "$dir/server.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
        -out "$dir/server.pem" -days 825 -extfile "$dir/server.ext" 2>/dev/null
    chmod 600 "$dir/ca.key" "$dir/server.key"
}

# The server started by `run`, stopped when the app closes or the script is interrupted (global: the EXIT trap runs
# after cmd_run has returned).
SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

cmd_run() {
    local bin="$ROOT/build/release" tls="$ROOT/build/dev-tls" data="$ROOT/build/run-data"
    # A second `run` while the first is still serving: say so instead of colliding with it on the port.
    if (exec 3<>/dev/tcp/127.0.0.1/8443) 2>/dev/null; then
        echo "Port 8443 is already in use: is another './setup.sh run' still running? Close its app (or stop the" >&2
        echo "process listening on 127.0.0.1:8443) and run again." >&2
        exit 1
    fi
    install_packages
    build release
    make_dev_tls
    mkdir -p "$data"
    log "starting sunshine-server at https://127.0.0.1:8443 (SQLite, demo data in build/run-data)"
    "$bin/server/sunshine-server" --listen 127.0.0.1:8443 --database "sqlite:$data/sunshine.db" \
        --data-dir "$data" --tls-cert "$tls/server.pem" --tls-key "$tls/server.key" --demo \
        >"$data/server.log" 2>&1 &
    SERVER_PID=$!
    trap stop_server EXIT
    trap 'stop_server; exit 130' INT TERM
    for _ in $(seq 1 100); do
        if curl -sf --cacert "$tls/ca.pem" https://127.0.0.1:8443/api/v1/health >/dev/null 2>&1; then break; fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$data/server.log"; exit 1; fi
        sleep 0.2
    done
    curl -s --cacert "$tls/ca.pem" https://127.0.0.1:8443/api/v1/health; echo
    log "demo accounts: admin, city-clerk, county-clerk, town-clerk, ... password Demo@2026 (see README)"
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        log "no display: the server keeps running (Ctrl+C stops it); open the app on a desktop with"
        echo "  $bin/app/sunshine --server https://127.0.0.1:8443 --ca-cert $tls/ca.pem"
        wait "$SERVER_PID" || true
        return
    fi
    log "opening the desktop app (closing it stops the server)"
    "$bin/app/sunshine" --server https://127.0.0.1:8443 --ca-cert "$tls/ca.pem" || true
    stop_server
    log "the app has closed; the server has stopped"
}

cmd_test() {
    install_packages "${TEST_PACKAGES[@]}"
    build dev
    log "running the tests"
    # Widget tests render offscreen; keychain tests start their own D-Bus session and keyring.
    QT_QPA_PLATFORM=offscreen ctest --preset dev -j2
}

# ./setup.sh bench server [options]: page reads at 64 TLS connections beside nginx serving a static file of the
# same size (options go to bench_server). Installs the load generator and nginx when missing.
bench_server() {
    local missing=()
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
    log "building (bench)"
    cmake --preset bench >/dev/null
    cmake --build --preset bench --target bench_server
    log "server benchmark (see README, Performance)"
    "$ROOT/build/bench/tests/bench/bench_server" "$@"
}

# ./setup.sh bench import [options]: a 100,000-row .xlsx disbursement list read, checked and saved, beside the
# plain read and the raw SQLite insert rate (options go to bench_import).
bench_import() {
    log "building (bench)"
    cmake --preset bench >/dev/null
    cmake --build --preset bench --target bench_import
    log "import benchmark (see README, Performance)"
    "$ROOT/build/bench/tests/bench/bench_import" "$@"
}

# ./setup.sh bench card [options]: a 100,000-line village card statement read, checked, matched with the card's
# requests, saved, and the card's warning rules evaluated, beside the plain read and the raw SQLite insert rate
# (options go to bench_card_import).
bench_card() {
    log "building (bench)"
    cmake --preset bench >/dev/null
    cmake --build --preset bench --target bench_card_import
    log "village card statement benchmark (see README, Performance)"
    "$ROOT/build/bench/tests/bench/bench_card_import" "$@"
}

# ./setup.sh bench dashboard [options]: Nantong-scale data generated on SQLite and PostgreSQL, then the fund
# dashboard through the summary tables beside plain GROUP BY queries (options go to bench_dashboard).
bench_dashboard() {
    log "building (bench)"
    cmake --preset bench >/dev/null
    cmake --build --preset bench --target bench_dashboard
    log "dashboard benchmark (see README, Performance)"
    "$ROOT/build/bench/tests/bench/bench_dashboard" "$@"
}

# ./setup.sh bench warnings [options]: Nantong-scale data generated on SQLite and PostgreSQL, then every warning
# rule evaluated beside a plain scan of the same rows, and the full runs (options go to bench_warnings).
bench_warnings() {
    log "building (bench)"
    cmake --preset bench >/dev/null
    cmake --build --preset bench --target bench_warnings
    log "warning benchmark (see README, Performance)"
    "$ROOT/build/bench/tests/bench/bench_warnings" "$@"
}

# ./setup.sh bench app [options]: cold starts of the desktop program to its households table with 1,000,000
# cached households, beside an empty cache and a bare Qt program (options go to bench_app). The remembered session
# is kept in a private D-Bus session's keyring, as on a desktop.
bench_app() {
    log "building (bench)"
    cmake --preset bench >/dev/null
    cmake --build --preset bench --target bench_app
    log "app start-up benchmark (see README, Performance)"
    "$ROOT/tests/support/with-keyring.sh" "$ROOT/build/bench/tests/bench/bench_app" "$@"
}

cmd_bench() {
    install_packages
    if [ "${1:-}" = app ]; then
        shift
        bench_app "$@"
        return
    fi
    if [ "${1:-}" = import ]; then
        shift
        bench_import "$@"
        return
    fi
    if [ "${1:-}" = server ]; then
        shift
        bench_server "$@"
        return
    fi
    if [ "${1:-}" = card ]; then
        shift
        bench_card "$@"
        return
    fi
    if [ "${1:-}" = dashboard ]; then
        shift
        bench_dashboard "$@"
        return
    fi
    if [ "${1:-}" = warnings ]; then
        shift
        bench_warnings "$@"
        return
    fi
    build bench
    log "sync benchmark (see README, Performance)"
    "$ROOT/build/bench/tests/bench/bench_sync" "${@}"
}

case "${1:-}" in
    run) cmd_run ;;
    test) cmd_test ;;
    bench) shift; cmd_bench "$@" ;;
    *) echo "usage: $0 run | test | bench" >&2; exit 2 ;;
esac
