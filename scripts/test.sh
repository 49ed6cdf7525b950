#!/usr/bin/env bash
# `npm test`: build once; make sure redis-server and a Chromium are there (installed where missing and the
# machine allows, else the command to run); the API's unit and end-to-end tests (Jest); the browser tests
# of the web app (Playwright). Prints each step's time at the end, also when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/step-times.sh
run() {
  local name=$1 started=$SECONDS status=0
  shift
  "$@" || status=$?
  record_step_time "$name" $((SECONDS - started)) "$status"
  return "$status"
}
report() {
  print_step_times "npm test: times" $?
}
trap report EXIT

run "Build" npm run build --silent
run "redis-server and Chromium" node dist/scripts/ensure-test-programs.js
run "API tests (Jest)" npx jest
run "Browser tests (Playwright)" npx playwright test -c test/web/playwright.config.ts
