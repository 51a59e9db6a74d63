#!/usr/bin/env bash
# Install the .deb that tools/build_bundle.sh made and run the INSTALLED program headless, to
# prove the bundle finds all it needs (font, translations, checklists, migrations, Qt plugins,
# SQLCipher, reportlab, zxing, the server's packages):
#   bash tools/check_bundle.sh [dist/mzdesk_<version>_<arch>.deb] [--keep]
# demo data → screenshots of every page (PNGs must be real pictures) → PDFs whose font is
# embedded (pdffonts) → a certificate's QR code read back (zbarimg) and verified → the central
# server (mzdesk serve) answers /health.
# Removes the package again at the end unless --keep is given (CI keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."

deb=""
keep=0
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    *) deb=$arg ;;
  esac
done
if [ -z "$deb" ]; then
  deb=$(ls -t dist/mzdesk_*.deb 2>/dev/null | head -n 1 || true)
fi
[ -f "$deb" ] || { echo "no .deb; run bash tools/build_bundle.sh first" >&2; exit 1; }
started=$(date +%s)

sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
# apt resolves the package's Depends (from the system's repositories when some are missing).
$sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./${deb#./}" >/dev/null
trap '[ "$keep" -eq 1 ] || $sudo_cmd dpkg -r mzdesk >/dev/null' EXIT

fail() { echo "check_bundle: $*" >&2; exit 1; }
installed=$(command -v mzdesk) || fail "no mzdesk command after installing $deb"
[ "$(readlink -f "$installed")" = /opt/mzdesk/mzdesk ] || fail "$installed is not /opt/mzdesk's"
[ -f /usr/share/applications/mzdesk.desktop ] || fail "no desktop entry"
[ -f /usr/share/icons/hicolor/256x256/apps/mzdesk.png ] || fail "no icon"

tmp=$(mktemp -d)
cleanup_tmp() { rm -rf "$tmp"; }
trap 'cleanup_tmp; [ "$keep" -eq 1 ] || $sudo_cmd dpkg -r mzdesk >/dev/null' EXIT
# Run from an empty folder with a clean environment: nothing from the checkout can help.
cd "$tmp"
run() { env -i HOME="$tmp" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }

run mzdesk --version
run mzdesk demo --db "$tmp/demo.db" >/dev/null
login=(MZDESK_USER=admin MZDESK_PASSWORD=demo1234)

# Every page as a PNG through the offscreen platform: Chinese text needs the bundled font.
run "${login[@]}" QT_QPA_PLATFORM=offscreen mzdesk gui --db "$tmp/demo.db" \
  --screenshot "$tmp/shots" 2>&1 | grep -v 'propagateSizeHints' || true
shots=("$tmp"/shots/*.png)
[ "${#shots[@]}" -ge 6 ] || fail "only ${#shots[@]} screenshots"
for png in "${shots[@]}"; do
  bytes=$(stat -c %s "$png")
  # A page rendered with text and tables is ~60-250 KB; an empty or failed grab is a few KB.
  [ "$bytes" -ge 30000 ] || fail "$(basename "$png") is only $bytes bytes"
  head -c 8 "$png" | od -An -tx1 | grep -q '89 50 4e 47' || fail "$(basename "$png") is no PNG"
done
echo "screenshots: ${#shots[@]} pages, $(du -sk "$tmp/shots" | cut -f1) KB"

# PDFs: reportlab with the bundled font embedded. Certificates carry a QR code drawn with the
# bundle's zxing and signed with its cryptography; read it back (zbarimg) and verify it.
run "${login[@]}" mzdesk keys sheet --db "$tmp/demo.db" --out "$tmp/sheet.pdf" >/dev/null
run "${login[@]}" mzdesk certificates server https://mzdesk.example.cn --db "$tmp/demo.db" \
  >/dev/null
session=$(run "${login[@]}" mzdesk training sessions --db "$tmp/demo.db" \
  | awk 'NR == 2 {print $NF}')
[ -n "$session" ] || fail "no training session in the demo data"
run "${login[@]}" mzdesk print certificates --db "$tmp/demo.db" --session "$session" \
  --out "$tmp/certificates.pdf" >/dev/null
for pdf in sheet certificates; do
  pdffonts "$tmp/$pdf.pdf" | grep -q 'WenQuanYi.*TrueType.*yes' \
    || fail "$pdf.pdf does not embed the bundled WenQuanYi font"
done
echo "PDFs: recovery sheet and certificates embed WenQuanYi Micro Hei"
if command -v zbarimg >/dev/null 2>&1; then
  pdftoppm -r 150 -png -f 1 -l 1 "$tmp/certificates.pdf" "$tmp/certificate"
  code=$(zbarimg -q --raw "$tmp"/certificate*.png 2>/dev/null | head -n 1)
  [ -n "$code" ] || fail "no QR code readable on the certificate"
  run "${login[@]}" mzdesk verify-certificate --db "$tmp/demo.db" "$code" >/dev/null \
    || fail "the certificate's QR code does not verify"
  echo "certificate QR code: read back and verified"
fi

# The central server from the same bundle: migrations, FastAPI, uvicorn.
# a port the system says is free (the tests run beside this in CI and take theirs the same way)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run mzdesk serve --db "$tmp/server.db" --port "$port" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  if python3 - "$port" <<'EOF' 2>/dev/null; then
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=2) as answer:
    sys.exit(0 if answer.status == 200 else 1)
EOF
    break
  fi
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; fail "mzdesk serve ended"; }
  sleep 0.3
done
python3 - "$port" <<'EOF' || { cat "$tmp/serve.log" >&2; fail "the server never answered /health"; }
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=5) as answer:
    print("server /health:", answer.status, answer.read().decode()[:80])
EOF
kill "$server"
wait "$server" 2>/dev/null || true

echo "check_bundle: the installed bundle works ($(($(date +%s) - started)) s)"
