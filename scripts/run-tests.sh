#!/usr/bin/env bash
# `npm test`: every suite in order, cheapest first, stopping at the first failure.
# Prints a header and the elapsed time per suite and a final table; exits non-zero if anything failed.
# Run a single suite with `bash scripts/run-tests.sh <name>...` (names: lint typecheck unit emulator package integration ui).
set -uo pipefail
cd "$(dirname "$0")/.."

suites=(lint typecheck unit emulator package integration ui)
declare -A commands=(
  [lint]="npm run -s lint"
  [typecheck]="npm run -s typecheck"
  # package.json defines these (mocha --require tsx/cjs over test/unit and test/emulator; the code-server
  # harness for integration); calling the scripts keeps one definition of each.
  [unit]="npm run -s test:unit"
  [emulator]="npm run -s test:emulator"
  [package]="npm run -s test:package"
  [integration]="npm run -s test:integration"
  [ui]="npm run -s test:ui"
)
if [ $# -gt 0 ]; then
  for name in "$@"; do
    [ -n "${commands[$name]+x}" ] || { echo "unknown suite '$name' (known: ${suites[*]})" >&2; exit 2; }
  done
  suites=("$@")
fi

bold() { if [ -t 1 ]; then printf '\033[1m%s\033[0m\n' "$*"; else printf '%s\n' "$*"; fi; }
names=()
times=()
states=()
print_table() {
  echo
  bold "== summary"
  printf '  %-12s %9s  %s\n' suite seconds result
  for i in "${!names[@]}"; do
    printf '  %-12s %9s  %s\n' "${names[$i]}" "${times[$i]}" "${states[$i]}"
  done
}

overall_start=$SECONDS
for name in "${suites[@]}"; do
  echo
  bold "== $name: ${commands[$name]}"
  start_ms=$(( $(date +%s%N) / 1000000 ))
  eval "${commands[$name]}"
  status=$?
  ms=$(( $(date +%s%N) / 1000000 - start_ms ))
  elapsed="$((ms / 1000)).$(( (ms % 1000) / 100 ))"
  names+=("$name")
  times+=("$elapsed")
  if [ $status -eq 0 ]; then
    states+=(PASS)
    bold "== $name: PASS in ${elapsed}s"
  else
    states+=("FAIL (exit $status)")
    bold "== $name: FAIL (exit $status) in ${elapsed}s"
    print_table
    echo "stopped at the first failing suite ($name) after $((SECONDS - overall_start))s" >&2
    exit 1
  fi
done
print_table
echo "all suites passed in $((SECONDS - overall_start))s"
