# Each step's time, printed at the end of a run: sourced by scripts/test.sh (npm test) and .ci/run.
# A step's line is its seconds and its name, e.g. "   42s  Build", with " (failed)" when it failed.

step_times=()

# record_step_time NAME SECONDS [STATUS]: adds a step's line; a STATUS other than 0 marks it failed.
record_step_time() {
  local name=$1 seconds=$2 status=${3:-0}
  step_times+=("$(printf '%5ss  %s%s' "$seconds" "$name" "$([ "$status" -eq 0 ] || echo ' (failed)')")")
}

# print_step_times TITLE CODE: a heading with the run's exit code, then every step's line.
print_step_times() {
  printf '\n==> %s (exit %s)\n' "$1" "$2"
  if [ ${#step_times[@]} -gt 0 ]; then printf '%s\n' "${step_times[@]}"; fi
}
