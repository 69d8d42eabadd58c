#!/usr/bin/env bash
# Register benchmark (issue 6), in one run on this disk:
#  (a) the raw durable commit rate of SQLite: one small INSERT per transaction, WAL, synchronous=FULL;
#  (b) durable registrations per second through the engine: `acts serve` (release) and 8 concurrent HTTP
#      writers posting to /api/v1/registro (each number is committed before the response returns);
# and prints both and their ratio (target: b >= 70 % of a).
# Usage: scripts/bench-register.sh [SECONDS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-10}
WORK=$(mktemp -d "$PWD/.build-bench-XXXXXX")   # on the project's disk, like the real database
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "Compilazione release di acts..."
swift build -c release --product acts >/dev/null 2>&1
ACTS=$(swift build -c release --show-bin-path)/acts

python3 - "$WORK/raw.sqlite" "$SECONDS_RUN" > "$WORK/raw.txt" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, numero INTEGER, oggetto TEXT)")
end = time.monotonic() + float(sys.argv[2]); n = 0
start = time.monotonic()
while time.monotonic() < end:
    db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO t (numero, oggetto) VALUES (?, ?)", (n, "registrazione di prova")); db.execute("COMMIT"); n += 1
print(f"{n / (time.monotonic() - start):.0f}")
PY
RAW=$(cat "$WORK/raw.txt")

export ACTS_DATABASE="$WORK/acts.sqlite" ACTS_DOCUMENTS_DIR="$WORK/documenti" ACTS_LOG_LEVEL=error ACTS_ALERTS_MINUTES=600
"$ACTS" demo-data >/dev/null
TOKEN=$("$ACTS" token add --name benchmark protocollo | tail -1)
PORT=$(python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])")
"$ACTS" serve --port "$PORT" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

python3 - "$PORT" "$TOKEN" "$SECONDS_RUN" > "$WORK/engine.txt" <<'PY'
import http.client, json, sys, threading, time
port, token, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
body = json.dumps({"direzione": "arrivo", "oggetto": "Istanza di contributo economico", "classifica": "7.1",
                   "mittenti": [{"denominazione": "Mario Rossi"}]})
counts, errors = [0] * 8, [0] * 8
end = time.monotonic() + seconds
def writer(i):
    c = http.client.HTTPConnection("127.0.0.1", port)
    while time.monotonic() < end:
        c.request("POST", "/api/v1/registro", body, {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        r = c.getresponse(); r.read()
        if r.status == 201: counts[i] += 1
        else: errors[i] += 1
start = time.monotonic()
threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
print(f"{sum(counts) / (time.monotonic() - start):.0f} {sum(counts)} {sum(errors)}")
PY
read -r ENGINE TOTAL ERRORS < "$WORK/engine.txt"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
"$ACTS" register check --aoo AOO_DEMO

echo
echo "Risultati ($SECONDS_RUN s per misura):"
printf '  (a) SQLite, commit durevoli grezzi (1 INSERT per transazione, WAL, synchronous=FULL)  %6s /s\n' "$RAW"
printf '  (b) registrazioni durevoli via acts serve, 8 scrittori HTTP concorrenti             %6s /s (%s registrate, %s errori)\n' "$ENGINE" "$TOTAL" "$ERRORS"
python3 -c "print(f'  rapporto b/a: {100*$ENGINE/$RAW:.0f} % (obiettivo >= 70 %)')"
