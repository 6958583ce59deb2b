#!/usr/bin/env bash
# Served-page throughput on the synthetic kabupaten, as a user sees it: a release build serves the generated data,
# a signed-in admin's PD page, a PD report, the dashboard and the whole-Pemda XLSX (realisasi after the dashboard has
# read every PD's year; evaluasi-renja, which reads its own rows, from the database) are timed cold (first request
# after a write) and warm, and wrk measures requests per second, every request asking for gzip as a browser does.
# Prints the figures; changes nothing in the repo. KINERJA_BIN: another build's binary to measure (same database).
#
#   bash scripts/bench_http.sh [DB_FILE]      (a file path, not a URL; default /tmp/kinerja-sintetis.sqlite;
#                                              generated when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/kinerja-sintetis.sqlite}
PORT=${KINERJA_BENCH_PORT:-8097}
command -v wrk >/dev/null || { echo "wrk tidak ditemukan: apt-get install wrk" >&2; exit 1; }
swift build -c release --product kinerja >/tmp/kinerja-bench-build.log 2>&1 || { cat /tmp/kinerja-bench-build.log; exit 1; }
BIN=${KINERJA_BIN:-.build/release/kinerja}
export DATABASE_URL="sqlite:$DB"
if [ ! -f "$DB" ]; then
    echo "== membuat kabupaten sintetis (50 PD) di $DB"
    "$BIN" generate --pd 50 --seed 7
fi
"$BIN" migrate --yes >/dev/null
KINERJA_SANDI=bench2026x "$BIN" user add bench.http --peran admin >/dev/null 2>&1 || true
"$BIN" serve --port "$PORT" >/tmp/kinerja-bench-http.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
BASE="http://127.0.0.1:$PORT"
JAR=$(mktemp)
curl -s -c "$JAR" -b "$JAR" "$BASE/masuk" -o /tmp/kinerja-bench-login.html
TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' /tmp/kinerja-bench-login.html | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$JAR" -b "$JAR" -d "_csrf=$TOKEN&nama_pengguna=bench.http&sandi=bench2026x" "$BASE/masuk" -o /dev/null
SESSION=$(awk '/kinerja_sesi/ {print $7}' "$JAR")
PD=$(curl -s "$BASE/" | grep -o '/pemda/[a-f0-9-]*/pd/[A-Z0-9]*' | head -1)
PEMDA=${PD%/pd/*}
cold_warm() {
    local label=$1 url=$2
    local cold warm
    cold=$(curl -s -H "Cookie: kinerja_sesi=$SESSION" -H "Accept-Encoding: gzip" -o /dev/null -w "%{time_total}" "$url")
    warm=$(curl -s -H "Cookie: kinerja_sesi=$SESSION" -H "Accept-Encoding: gzip" -o /dev/null -w "%{time_total}" "$url")
    # Bytes on the wire as a browser gets them (gzip), beside the page's own size.
    local wire full
    wire=$(curl -s -H "Cookie: kinerja_sesi=$SESSION" -H "Accept-Encoding: gzip" -o /dev/null -w "%{size_download}" "$url")
    full=$(curl -s -H "Cookie: kinerja_sesi=$SESSION" -o /dev/null -w "%{size_download}" "$url")
    printf '%-44s pertama %6.3f s   berikutnya %6.3f s   %7d B di kabel (gzip), %8d B utuh\n' \
        "$label" "$cold" "$warm" "$wire" "$full"
}
throughput() {
    local label=$1 url=$2
    local rps
    rps=$(wrk -t2 -c8 -d10s -H "Cookie: kinerja_sesi=$SESSION" -H "Accept-Encoding: gzip" "$url" | awk '/Requests\/sec/ {print $2}')
    printf '%-44s %8s permintaan/detik (wrk -t2 -c8 -d10s, gzip)\n' "$label" "$rps"
}
echo "== $(nproc) core, $(basename "$DB"), $PD"
cold_warm "halaman PD (tahun 2025)" "$BASE$PD?tahun=2025"
cold_warm "laporan capaian-sasaran PD" "$BASE$PD/laporan/capaian-sasaran?tahun=2025"
cold_warm "dasbor Pemda (tahun 2025)" "$BASE$PEMDA/dasbor?tahun=2025"
cold_warm "realisasi seluruh Pemda, XLSX" "$BASE$PEMDA/laporan/realisasi?tahun=2025&format=xlsx"
cold_warm "evaluasi-renja seluruh Pemda, XLSX" "$BASE$PEMDA/laporan/evaluasi-renja?tahun=2026&format=xlsx"
throughput "halaman PD" "$BASE$PD?tahun=2025"
throughput "laporan capaian-sasaran PD" "$BASE$PD/laporan/capaian-sasaran?tahun=2025"
throughput "dasbor Pemda" "$BASE$PEMDA/dasbor?tahun=2025"
echo "memori server (RSS): $(($(ps -o rss= -p $SERVER) / 1024)) MB ($(grep -E "RssAnon|RssFile" /proc/$SERVER/status | tr -s " \t" " " | paste -sd" "))"
# The heap is given back once the server is idle for 2 s (InFlightRequests).
sleep 3
echo "memori server (RSS) setelah 3 detik senggang: $(($(ps -o rss= -p $SERVER) / 1024)) MB ($(grep -E "RssAnon|RssFile" /proc/$SERVER/status | tr -s " \t" " " | paste -sd" "))"
