#!/usr/bin/env bash
# What the page cache really holds, beside what it counts (issue 14.6): a release build serves the synthetic
# kabupaten; the server's anonymous memory is read before and after opening the 50 PD pages, then the 50 PD
# realisasi reports, then the dashboard; the same again with the cache off (KINERJA_TEMBOLOK_MB=0). The difference
# is what the cached values hold; the cache counts them by `ukuran` (rendered HTML exactly, rows by estimate).
#
#   bash scripts/cache_bytes.sh [DB_FILE]      (default /tmp/kinerja-sintetis.sqlite; generated when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/kinerja-sintetis.sqlite}
PORT=${KINERJA_BENCH_PORT:-8096}
swift build -c release --product kinerja >/tmp/kinerja-bench-build.log 2>&1 || { cat /tmp/kinerja-bench-build.log; exit 1; }
BIN=.build/release/kinerja
export DATABASE_URL="sqlite:$DB"
[ -f "$DB" ] || "$BIN" generate --pd 50 --seed 7
"$BIN" migrate --yes >/dev/null
KINERJA_SANDI=bench2026x "$BIN" user add bench.http --peran admin >/dev/null 2>&1 || true
run() {
    "$BIN" serve --port "$PORT" >/tmp/kinerja-cache-bytes.log 2>&1 &
    local server=$!
    for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
    local base="http://127.0.0.1:$PORT" jar
    jar=$(mktemp)
    curl -s -c "$jar" -b "$jar" "$base/masuk" -o /tmp/kinerja-cache-login.html
    local token
    token=$(grep -o 'name="_csrf" value="[^"]*"' /tmp/kinerja-cache-login.html | head -1 | sed 's/.*value="//;s/"//')
    curl -s -c "$jar" -b "$jar" -d "_csrf=$token&nama_pengguna=bench.http&sandi=bench2026x" "$base/masuk" -o /dev/null
    local pds pemda
    pds=$(curl -s -b "$jar" "$base/" | grep -o '/pemda/[a-f0-9-]*/pd/[A-Z0-9]*' | sort -u)
    pemda=$(echo "$pds" | head -1 | sed 's|/pd/.*||')
    anon() { grep RssAnon "/proc/$server/status" | awk '{print $2}'; }
    local a0 a1 a2 a3
    a0=$(anon)
    for pd in $pds; do curl -s -b "$jar" -o /dev/null "$base$pd"; done
    a1=$(anon)
    for pd in $pds; do curl -s -b "$jar" -o /dev/null "$base$pd/laporan/realisasi?tahun=2025"; done
    a2=$(anon)
    curl -s -b "$jar" -o /dev/null "$base$pemda/dasbor?tahun=2025"
    a3=$(anon)
    printf '%-22s %4d PD: halaman PD +%6d kB, laporan realisasi +%6d kB, dasbor +%6d kB (memori anonim)\n' \
        "$1" "$(echo "$pds" | wc -l)" $((a1 - a0)) $((a2 - a1)) $((a3 - a2))
    kill "$server"
    wait "$server" 2>/dev/null || true
}
run "tembolok aktif"
KINERJA_TEMBOLOK_MB=0 run "tembolok mati"
