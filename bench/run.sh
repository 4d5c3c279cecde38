#!/usr/bin/env bash
# One command per benchmark; every load targets 127.0.0.1 only and ends by itself.
#   bench/run.sh inbound | peer | matching | outbound | scheduler | soak | report | all
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# The venv as the README's commands make it (the Makefile picks the interpreter: bench/README, session 18).
[ -x "$PY" ] || make .venv/bin/.installed-test
if ! command -v wrk >/dev/null; then
  echo "wrk is needed for the inbound benchmark: apt-get install -y wrk" >&2
  [ "$(id -u)" = 0 ] && { apt-get update -qq && apt-get install -y -qq wrk; }
fi
[ -x .venv/bin/py-spy ] || .venv/bin/pip install -q py-spy || true   # only for --profile
case "${1:-all}" in
  inbound)  $PY -m bench.inbound --runs "${RUNS:-3}" --seconds "${SECONDS_PER_PHASE:-15}" ;;
  matching) $PY -m bench.matching --runs "${RUNS:-3}" --volunteers "${VOLUNTEERS:-100000}" --requests "${REQUESTS:-200}" ;;
  outbound) for b in sqlite postgresql; do
              $PY -m bench.outbound --backend "$b" --runs "${RUNS:-3}" --sms "${SMS:-200}" --telegram "${TELEGRAM:-1200}" \
                --max-seconds "${OUTBOUND_SECONDS:-150}"
            done ;;
  soak)     for b in ${SOAK_BACKENDS:-sqlite postgresql}; do for _ in $(seq "${RUNS:-3}"); do
              $PY -m bench.soak --backend "$b" --messages "${SOAK_MESSAGES:-200000}"
            done; done ;;
  scheduler) $PY -m bench.scheduler --runs "${RUNS:-1}" --events "${SCHEDULER_EVENTS:-1000000}" --window "${SCHEDULER_SECONDS:-300}" \
              --batch "${SCHEDULER_BATCH:-500}" --tick "${SCHEDULER_TICK:-0.5}" ;;
  peer)     $PY -m bench.peer --runs "${RUNS:-3}" --seconds "${SECONDS_PER_PHASE:-15}" ;;
  report)   $PY -m bench.report ;;
  all)      "$0" inbound; "$0" peer; "$0" matching; "$0" outbound; "$0" scheduler; "$0" soak; "$0" report ;;
  *) echo "usage: bench/run.sh inbound|peer|matching|outbound|scheduler|soak|report|all" >&2; exit 2 ;;
esac
