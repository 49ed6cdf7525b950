#!/usr/bin/env bash
# `npm test`: build once; make sure redis-server and a Chromium are there (installed where missing and the
# machine allows, else the command to run); the API's unit and end-to-end tests (Jest); the browser tests
# of the web app (Playwright). Prints each step's time at the end, also when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

times=()
run() {
  local name=$1 started=$SECONDS status=0
  shift
  "$@" || status=$?
  times+=("$(printf '%5ss  %s%s' $((SECONDS - started)) "$name" "$([ "$status" -eq 0 ] || echo ' (failed)')")")
  return "$status"
}
report() {
  local code=$?
  printf '\n==> npm test: times (exit %s)\n' "$code"
  if [ ${#times[@]} -gt 0 ]; then printf '%s\n' "${times[@]}"; fi
}
trap report EXIT

run "Build" npm run build --silent
run "redis-server and Chromium" node dist/scripts/ensure-test-programs.js
run "API tests (Jest)" npx jest
run "Browser tests (Playwright)" npx playwright test -c test/web/playwright.config.ts
