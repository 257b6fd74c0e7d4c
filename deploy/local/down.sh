#!/usr/bin/env bash
# Stops everything deploy/local/up.sh started: the services, Keycloak, then Kafka/PostgreSQL/GreenMail.
# SIGTERM first, SIGKILL after YHDYSPINTA_STOP_TIMEOUT seconds (default 30). Leaves no process behind, PostgreSQL's
# postmaster included. Data stays in $YHDYSPINTA_HOME. Safe to run when nothing is running.
set -euo pipefail

# shellcheck source=common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

STOP_TIMEOUT="${YHDYSPINTA_STOP_TIMEOUT:-30}"
STOPPED_ANY=false

# wait_gone SECONDS PID...: true when all are gone in time
wait_gone() {
  local deadline=$((SECONDS + $1)) pid left
  shift
  while :; do
    left=0
    for pid in "$@"; do alive "$pid" && left=1; done
    ((left == 0)) && return 0
    ((SECONDS >= deadline)) && return 1
    sleep 0.5
  done
}

# stop NAME...: TERM each running component, wait for all, KILL (the whole process group) what remains
stop() {
  local name pid pids=() names=()
  for name in "$@"; do
    if pid=$(running_pid "$name"); then
      say "Stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      names+=("$name")
      STOPPED_ANY=true
    fi
    rm -f "$(pid_file "$name")"
  done
  ((${#pids[@]} > 0)) || return 0
  if ! wait_gone "$STOP_TIMEOUT" "${pids[@]}"; then
    for pid in "${pids[@]}"; do
      if alive "$pid"; then
        warn "  pid $pid did not stop within ${STOP_TIMEOUT}s: SIGKILL"
        # up.sh starts each component with setsid: its pid is its process group
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      fi
    done
    wait_gone 10 "${pids[@]}" || true
  fi
}

# every instance up.sh may have started (YHDYSPINTA_INSTANCES), whatever this shell's setting: pid files tell
service_names=()
for s in "${ALL_SERVICES[@]}"; do
  service_names+=("${s%%:*}")
  for ((i = 2; i <= MAX_INSTANCES; i++)); do service_names+=("$(instance_name "${s%%:*}" "$i")"); done
done

stop "${service_names[@]}"
stop keycloak
stop infra

# JVMs of this stack that lost their pid file (marked with -Dyhdyspinta.home=<this home>)
mapfile -t leftovers < <(marked_pids)
if ((${#leftovers[@]} > 0)); then
  say "Stopping leftover processes of this stack: ${leftovers[*]}"
  kill -TERM "${leftovers[@]}" 2>/dev/null || true
  STOPPED_ANY=true
  wait_gone "$STOP_TIMEOUT" "${leftovers[@]}" || kill -KILL "${leftovers[@]}" 2>/dev/null || true
fi

# PostgreSQL runs outside the launcher's JVM: if the launcher died hard, the postmaster is still there.
pm_file="$YHDYSPINTA_HOME/postgres/postmaster.pid"
if [[ -f "$pm_file" ]]; then
  pm_pid=$(head -n 1 "$pm_file")
  if alive "$pm_pid" && [[ "$(cmdline_of "$pm_pid")" == *postgres* ]]; then
    say "Stopping PostgreSQL postmaster (pid $pm_pid)"
    STOPPED_ANY=true
    kill -INT "$pm_pid" 2>/dev/null || true # fast shutdown
    if ! wait_gone "$STOP_TIMEOUT" "$pm_pid"; then
      kill -QUIT "$pm_pid" 2>/dev/null || true # immediate shutdown
      wait_gone 5 "$pm_pid" || kill -KILL "$pm_pid" 2>/dev/null || true
    fi
  fi
fi

if $STOPPED_ANY; then
  say "Yhdyspinta local stack stopped. Data kept in $YHDYSPINTA_HOME"
else
  say "Nothing of the Yhdyspinta local stack was running."
fi
