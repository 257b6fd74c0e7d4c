#!/usr/bin/env bash
# The main-flow benchmark (issue 11): drives need → consent → SENT → accept → complete over REST with real
# Keycloak tokens against the local stack and reports flows/s, p50/p95/p99 per step and for consent→SENT
# (server timestamps), errors, and CPU and RSS of each service.
#
#   deploy/local/up.sh && bench/run.sh                 16 users, 480 s warm-up, 60 s measured (a fresh stack
#                                                      needs minutes of load before its JIT compilers settle;
#                                                      the report says NOT WARM while they still take > 5 %)
#   C=1 WARMUP=30 DURATION=60 bench/run.sh             one user alone (the latency floor)
#   C=1 GAP=0.2 THINK=0.5 bench/run.sh                 one user who waits 0.2 s between need and consent and rests
#                                                      0.5 s between flows (the hop alone, on a box at rest)
#   PEER_HAPI=../shared/bench/peer-hapi bench/run.sh   then HAPI FHIR JPA on the same flow, back to back:
#                                                      our stack is stopped first so HAPI has the box
#
# Results go to bench/results/<UTC time>/ (ours.json, ours.txt, hops.txt: consent→SENT split into its hops, and
# hapi.* with PEER_HAPI).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/common.sh

C="${C:-16}"
WARMUP="${WARMUP:-480}"
DURATION="${DURATION:-60}"
GAP="${GAP:-0}"
THINK="${THINK:-0}"
OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

pids=""
for module in referral-service consent-service care-plan-service notification-service; do
  if pid=$(running_pid "$module"); then
    pids="${pids:+$pids,}$module=$pid"
  fi
done
[[ -n "$pids" ]] || die "the local stack is not running: deploy/local/up.sh first"

say "Yhdyspinta: c=$C, warm-up ${WARMUP}s, measured ${DURATION}s (services $pids)"
measured_from=$(date -u -d "+${WARMUP} seconds" +%Y-%m-%dT%H:%M:%SZ)
python3 bench/flow.py -c "$C" -w "$WARMUP" -d "$DURATION" --gap "$GAP" --think "$THINK" --pids "$pids" | tee "$OUT/ours.txt"
tail -n 1 "$OUT/ours.txt" >"$OUT/ours.json"
# consent→SENT of the measured window split into its hops, from the rows' own timestamps (HopTimes)
say "Where consent→SENT goes (flows sent since $measured_from):"
java -cp "deploy/target/deploy-0.1.0-SNAPSHOT.jar:deploy/target/lib/*" fi.yhdyspinta.deploy.HopTimes "$measured_from" \
  | tee "$OUT/hops.txt" || warn "HopTimes could not read the databases; the figures above stand"

if [[ -n "${PEER_HAPI:-}" ]]; then
  say "Stopping the local stack so that HAPI FHIR JPA has the box ..."
  deploy/local/down.sh
  say "HAPI FHIR JPA on PostgreSQL, the same flow: $PEER_HAPI/run-all.sh"
  (cd "$PEER_HAPI" && C="$C" WARMUP="$WARMUP" DURATION="$DURATION" ./run-all.sh) | tee "$OUT/hapi.txt"
fi
say "Results in $OUT"
