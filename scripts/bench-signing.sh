#!/usr/bin/env bash
# Signing benchmark (issue 4): 1,000 PDFs of ~50 KB signed CAdES enveloping with `acts sign`
# (RSA-2048, one process), 100 with `openssl cms -sign` (one process per file, as shell scripts
# do), the 1,000 verified with `acts verify` in one run; prints documents per second, the ratios,
# and `openssl speed` RSA-2048 signatures per second on all cores as the physical limit.
# Usage: scripts/bench-signing.sh [N=1000]   (builds `acts` in release mode first)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
SAMPLES=Tests/SigningTests/Fixtures/signature-samples
WORK=$(mktemp -d /tmp/acts-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "Compilazione release di acts..."
swift build -c release --product acts >/dev/null
ACTS=$(swift build -c release --show-bin-path)/acts

PASSWORD=$(python3 -c "import json;print(json.load(open('$SAMPLES/manifest.json'))['pki']['signers']['mario-rossi']['password'])")
export BENCH_PIN=$PASSWORD
python3 - "$WORK/in" "$N" <<'PY'
import os, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
for i in range(n):
    body = os.urandom(24 * 1024).hex().encode()[: 50 * 1024 - 400]
    stream = ("BT /F1 12 Tf 72 720 Td (Determinazione %d) Tj ET\n%% " % i).encode() + body
    head = ("%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
            "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R>> endobj\n"
            "4 0 obj <</Length " + str(len(stream)) + ">> stream\n").encode()
    pdf = head + stream + b"\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    open(os.path.join(out, "atto-%05d.pdf" % i), "wb").write(pdf)
PY
SIZE=$(du -sk "$WORK/in" | cut -f1)
echo "$N PDF generati ($((SIZE / N)) KB in media)"

now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1 / ($3 - $2):.0f}')"; }

t0=$(now)
"$ACTS" sign --format cades --key "$SAMPLES/pki/p12/mario-rossi.p12" --password-env BENCH_PIN \
  --out "$WORK/acts" "$WORK"/in/*.pdf > "$WORK/sign.jsonl" 2>/dev/null
t1=$(now)
SIGNED=$(grep -c '"ok":true' "$WORK/sign.jsonl")
[ "$SIGNED" -eq "$N" ] || { echo "acts sign: firmati $SIGNED su $N"; exit 1; }
ACTS_SIGN=$(rate "$N" "$t0" "$t1")

openssl pkcs12 -in "$SAMPLES/pki/p12/mario-rossi.p12" -passin env:BENCH_PIN -nocerts -nodes -out "$WORK/key.pem" 2>/dev/null
openssl pkcs12 -in "$SAMPLES/pki/p12/mario-rossi.p12" -passin env:BENCH_PIN -clcerts -nokeys -out "$WORK/cert.pem" 2>/dev/null
mkdir -p "$WORK/openssl"
M=$(( N < 100 ? N : 100 ))
t2=$(now)
for f in $(ls "$WORK"/in/*.pdf | head -n "$M"); do
  openssl cms -sign -cades -binary -nodetach -md sha256 -signer "$WORK/cert.pem" -inkey "$WORK/key.pem" \
    -certfile "$SAMPLES/pki/certs/test-qualified-ca.pem" -in "$f" -outform DER -out "$WORK/openssl/$(basename "$f").p7m"
done
t3=$(now)
OPENSSL_SIGN=$(rate "$M" "$t2" "$t3")

t4=$(now)
set +e
"$ACTS" verify "$WORK"/acts/*.p7m --trust "$SAMPLES/pki/trust/test-root-ca.pem" \
  --crl "$SAMPLES/pki/crl/test-qualified-ca.crl.pem" --json > "$WORK/verify.jsonl"
STATUS=$?
set -e
t5=$(now)
VALID=$(grep -c '"exit_code":0' "$WORK/verify.jsonl" || true)
[ "$STATUS" -eq 0 ] && [ "$VALID" -eq "$N" ] || { echo "acts verify: valide $VALID su $N (uscita $STATUS)"; exit 1; }
ACTS_VERIFY=$(rate "$N" "$t4" "$t5")

CORES=$(nproc)
RSA=$(openssl speed -seconds 3 -multi "$CORES" rsa2048 2>/dev/null | awk '/^rsa 2048/ {print int($6)}')

echo
echo "Risultati ($CORES core):"
printf '  acts sign (CAdES, 1 processo)          %6s documenti/s\n' "$ACTS_SIGN"
printf '  openssl cms -sign (1 processo/file)    %6s documenti/s\n' "$OPENSSL_SIGN"
printf '  acts verify (in blocco)                %6s documenti/s\n' "$ACTS_VERIFY"
printf '  openssl speed rsa2048 (limite fisico)  %6s firme/s\n' "$RSA"
python3 -c "print(f'  rapporto acts/openssl cms: {$ACTS_SIGN/$OPENSSL_SIGN:.1f}x; acts/limite RSA: {100*$ACTS_SIGN/$RSA:.0f}%')"
echo "  obiettivi: firma >= 3000/s, verifica >= 2000/s"
