#!/usr/bin/env bash
# The full test run: install what is missing, then unit tests (vitest) and end-to-end tests (Playwright).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
npm test
