#!/usr/bin/env bash
# Idempotent setup for a fresh Debian machine, run as root: the system packages the tests need
# (Debian's Chromium for Playwright, LibreOffice Writer + poppler-utils for the .docx checks, Redis and
# PostgreSQL for the co-drafting drills), then the npm packages. Playwright never downloads its own
# browsers here: playwright.config.ts points at /usr/bin/chromium.
#
#   bash scripts/setup.sh             system packages (apt) + npm packages
#   bash scripts/setup.sh --npm-only  npm packages only (used by scripts/start.sh)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

npm_only=false
case "${1:-}" in
  --npm-only) npm_only=true ;;
  '') ;;
  *)
    echo "usage: bash scripts/setup.sh [--npm-only]" >&2
    exit 2
    ;;
esac

export DEBIAN_FRONTEND=noninteractive
apt_updated=false

apt_install() {
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "setup: need root to apt-get install $*" >&2
    exit 1
  fi
  if [[ "$apt_updated" == false ]]; then
    echo "setup: apt-get update"
    apt-get update -qq
    apt_updated=true
  fi
  echo "setup: apt-get install $*"
  apt-get install -y -qq "$@" >/dev/null
}

if [[ "$npm_only" == false ]]; then
  if [[ ! -x /usr/bin/chromium ]]; then
    apt_install chromium
  fi
  if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    apt_install --no-install-recommends libreoffice-writer poppler-utils
  fi
  # The co-drafting drills run several server instances relaying through Redis, with their drafts in
  # PostgreSQL; the tests start both on 127.0.0.1 and a free port, and stop them (tests/server/services.ts).
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install --no-install-recommends redis-server
  fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt_install --no-install-recommends postgresql
  fi
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "setup: Node.js >= 20.19 with npm is required (see package.json engines)" >&2
  exit 1
fi

# npm ci writes node_modules/.package-lock.json; a newer package-lock.json means the tree is stale.
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

echo "setup: ready"
