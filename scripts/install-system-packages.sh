#!/usr/bin/env bash
# Installs every system package the project needs on Debian bookworm (idempotent: skips what is there),
# plus the OpenAPI validator used by the tests in a project-local Python venv (.build-tools/venv).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  pkg-config
  libssl-dev                      # OpenSSL 3: signatures (CAdES/XAdES)
  libxml2-dev                     # libxml2: XML, C14N for XAdES
  libtesseract-dev libleptonica-dev libcurl4-openssl-dev   # Tesseract OCR (libtesseract-dev needs one libcurl flavour)
  tesseract-ocr-ita tesseract-ocr-osd                      # Italian model, orientation detection
  libpoppler-glib-dev libcairo2-dev                        # PDF rendering for OCR
  libsqlite3-dev sqlite3          # embedded database
  python3 python3-venv            # OpenAPI validation and the independent signature checker in the tests
  openssl xmlsec1 libxml2-utils   # independent verifiers of signatures and segnature (xmlsec1, xmllint) in the tests
  poppler-utils                   # pdftotext: the tests read back the PDFs the product writes
  libengine-pkcs11-openssl        # PKCS#11 tokens (smart cards, HSMs) through OpenSSL
  softhsm2 opensc                 # a software token for the PKCS#11 tests (softhsm2-util, pkcs11-tool)
  ca-certificates
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installazione pacchetti di sistema: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Pacchetti di sistema già presenti."
fi

VENV=.build-tools/venv
if ! "$VENV/bin/python" -c "import openapi_spec_validator, asn1crypto, cryptography, lxml" 2>/dev/null; then
  echo "Installazione degli strumenti di verifica Python in $VENV"
  [ -x "$VENV/bin/python" ] || /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    "openapi-spec-validator>=0.7,<1" "asn1crypto>=1.5.1" "cryptography>=42" "lxml>=5"
fi
