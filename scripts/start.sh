#!/usr/bin/env bash
# Starts the development server on http://127.0.0.1:5173/ (npm packages only; no apt).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh --npm-only
echo "Resolution Drafter: open http://127.0.0.1:5173/ (Ctrl+C to stop)"
exec npm run dev -- --host 127.0.0.1
