#!/usr/bin/env bash
# Starts the whole Yhdyspinta suite on this machine, no Docker: Kafka, PostgreSQL and GreenMail (one launcher JVM),
# Keycloak with the yhdyspinta realm, and the four services. Needs only a JDK 17+.
#
#   deploy/local/up.sh               build what is missing, start everything, wait until all is healthy
#   deploy/local/up.sh --infra-only  Kafka, PostgreSQL, mail and Keycloak only (for ./mvnw -pl <module> quarkus:dev)
#   deploy/local/up.sh --build       rebuild first (./mvnw install -DskipTests), even if the jars exist
#
# Environment: YHDYSPINTA_HOME (data, logs, pids; default ~/.yhdyspinta), YHDYSPINTA_START_TIMEOUT (seconds per
# component, default 180), YHDYSPINTA_SERVICE_JAVA_OPTS (default: serial GC, heap
# 64–160 MB, small code cache and stacks; see docs/performance.md), YHDYSPINTA_SERVICES (a subset to start,
# e.g. "referral-service consent-service"; default all four), YHDYSPINTA_INSTANCES (instances of each service,
# default 1, at most 6: instance i >= 2 is <module>-i on the service's port + (i-1)*10000, e.g. referral-service-2
# on 18081; they share the service's database and consumer group). Stop with deploy/local/down.sh.
set -euo pipefail

# shellcheck source=common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

INFRA_ONLY=false
FORCE_BUILD=false
for arg in "$@"; do
  case "$arg" in
    --infra-only) INFRA_ONLY=true ;;
    --build) FORCE_BUILD=true ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done

TIMEOUT="${YHDYSPINTA_START_TIMEOUT:-180}"
# A service is small and the box has two cores: the serial collector (no concurrent GC threads) and a bounded
# heap keep each service near 300 MB of RSS (docs/performance.md).
DEFAULT_SERVICE_JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx160m -Xss256k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -XX:CICompilerCount=2 -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1"
SERVICE_JAVA_OPTS="${YHDYSPINTA_SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS}"
# glibc keeps one malloc arena per core and thread group; two are plenty for a service.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

((${#SERVICES[@]} > 0)) || die "YHDYSPINTA_SERVICES names no known service: $YHDYSPINTA_SERVICES"
[[ "$INSTANCES" =~ ^[1-9][0-9]*$ ]] && ((INSTANCES <= MAX_INSTANCES)) \
  || die "YHDYSPINTA_INSTANCES must be a number from 1 to $MAX_INSTANCES, not '$INSTANCES'"
mapfile -t SERVICE_INSTANCES < <(service_instances "$INSTANCES")
command -v java >/dev/null 2>&1 || die "java not found on PATH (a JDK 17 or newer is needed)"
mkdir -p "$LOG_DIR" "$RUN_DIR"

# The county key of this local stack: made once per YHDYSPINTA_HOME and kept, so client ids survive a
# restart. Services in the production profile refuse to start without one (and with the development key).
COUNTY_KEY_FILE="$YHDYSPINTA_HOME/county-key"
if [[ -z "${YHDYSPINTA_CLIENT_ID_COUNTY_KEY:-}" ]]; then
  if [[ ! -s "$COUNTY_KEY_FILE" ]]; then
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$COUNTY_KEY_FILE")
  fi
  YHDYSPINTA_CLIENT_ID_COUNTY_KEY=$(cat "$COUNTY_KEY_FILE")
fi
export YHDYSPINTA_CLIENT_ID_COUNTY_KEY
# The demo organisations of the registry (consent-service) and its replicas (referral-service)
export YHDYSPINTA_ORGANISATIONS_SEED="${YHDYSPINTA_ORGANISATIONS_SEED:-demo}"
# care-plan-service asks consent-service (its first instance) for JOINT_CLIENT_PLAN decisions
export YHDYSPINTA_CONSENT_SERVICE_URL="${YHDYSPINTA_CONSENT_SERVICE_URL:-http://127.0.0.1:8082}"

# --- build what is missing -------------------------------------------------------------------------------------

mvnw() { (cd "$REPO_ROOT" && ./mvnw -B -q "$@"); }

launcher_built() { [[ -f "$LAUNCHER_JAR" && -d "$LAUNCHER_LIB" && -f "$GREENMAIL_JAR" ]]; }

services_built() {
  local s
  for s in "${SERVICES[@]}"; do
    [[ -f "$REPO_ROOT/${s%%:*}/target/quarkus-app/quarkus-run.jar" ]] || return 1
  done
}

if $FORCE_BUILD || ! launcher_built || { ! $INFRA_ONLY && ! services_built; }; then
  if $INFRA_ONLY; then
    say "Building the local infrastructure launcher (./mvnw -pl deploy -am install -DskipTests) ..."
    mvnw -pl deploy -am install -DskipTests || die "build failed (see the Maven output above)"
  else
    say "Building the suite (./mvnw install -DskipTests) ..."
    mvnw install -DskipTests || die "build failed (see the Maven output above)"
  fi
fi
if [[ -z "$(keycloak_home)" ]]; then
  say "Fetching Keycloak into deploy/target/keycloak (./mvnw -Plocal-stack -pl deploy package, ~160 MB once) ..."
  mvnw -Plocal-stack -pl deploy -am package -DskipTests || die "fetching Keycloak failed (see the Maven output above)"
fi
KC_HOME="$(keycloak_home)"
[[ -n "$KC_HOME" ]] || die "Keycloak not found under $DEPLOY_DIR/target/keycloak"

# --- helpers ---------------------------------------------------------------------------------------------------

rotate_log() { [[ -f "$1" ]] && mv -f "$1" "$1.1"; return 0; }

require_free_port() {
  local port=$1 what=$2
  if port_open "$port"; then
    die "port $port ($what) on $HOST is taken by a process up.sh did not start. Free it or run deploy/local/down.sh."
  fi
}

# start NAME LOGFILE COMMAND...: a new session of its own (no terminal hang-up, whole group killable), pid recorded
start_detached() {
  local name=$1 log=$2
  shift 2
  rotate_log "$log"
  setsid "$@" >"$log" 2>&1 </dev/null &
  printf '%s\n' "$!" >"$(pid_file "$name")"
}

# wait_for NAME LOGFILE DESCRIPTION CHECK...: polls CHECK until it succeeds, the process dies or time runs out
wait_for() {
  local name=$1 log=$2 what=$3
  shift 3
  local deadline=$((SECONDS + TIMEOUT))
  until "$@"; do
    if ! running_pid "$name" >/dev/null; then
      warn "ERROR: $what exited during start-up. Last lines of $log:"
      tail -n 25 "$log" >&2 || true
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      warn "ERROR: $what not ready after ${TIMEOUT}s. See $log (last lines below); stop with deploy/local/down.sh."
      tail -n 25 "$log" >&2 || true
      exit 1
    fi
    sleep 1
  done
  say "  ✓ $what"
}

# --- infrastructure: Kafka, PostgreSQL, GreenMail --------------------------------------------------------------

INFRA_LOG="$LOG_DIR/infra.log"
# The launcher prints the ready line once all answer. No probe of the SMTP port: GreenMail logs a stack trace for
# every connection closed without a QUIT.
infra_ready() {
  grep -q 'LOCAL-INFRASTRUCTURE-READY' "$INFRA_LOG" 2>/dev/null \
    && port_open "$KAFKA_PORT" && port_open "$POSTGRES_PORT" && port_open "$MAIL_API_PORT"
}

STARTED_ANY=false
if pid=$(running_pid infra); then
  say "Infrastructure (Kafka, PostgreSQL, GreenMail) already running (pid $pid)"
else
  # A postmaster left behind by a launcher that was killed hard still holds the data dir and the port: stop it.
  pm_file="$YHDYSPINTA_HOME/postgres/postmaster.pid"
  if [[ -f "$pm_file" ]]; then
    pm_pid=$(head -n 1 "$pm_file")
    if alive "$pm_pid" && [[ "$(cmdline_of "$pm_pid")" == *postgres* ]]; then
      say "Stopping a PostgreSQL left over from an earlier run (pid $pm_pid)"
      kill -INT "$pm_pid" 2>/dev/null || true
      for _ in $(seq 20); do alive "$pm_pid" || break; sleep 0.5; done
      alive "$pm_pid" && kill -KILL "$pm_pid" 2>/dev/null || true
    fi
  fi
  require_free_port "$KAFKA_PORT" Kafka
  require_free_port "$POSTGRES_PORT" PostgreSQL
  require_free_port "$SMTP_PORT" SMTP
  require_free_port "$MAIL_API_PORT" "GreenMail API"
  say "Starting Kafka, PostgreSQL and GreenMail (log $INFRA_LOG)"
  start_detached infra "$INFRA_LOG" java "$HOME_MARKER" -Xmx768m \
    -cp "$LAUNCHER_JAR:$LAUNCHER_LIB/*" fi.yhdyspinta.deploy.LocalInfrastructure
  STARTED_ANY=true
fi

# --- Keycloak --------------------------------------------------------------------------------------------------

KC_LOG="$LOG_DIR/keycloak.log"
keycloak_ready() { http_ok "$KEYCLOAK_URL/realms/$REALM/.well-known/openid-configuration"; }

if pid=$(running_pid keycloak); then
  say "Keycloak already running (pid $pid)"
else
  require_free_port "$KEYCLOAK_PORT" Keycloak
  require_free_port "$KEYCLOAK_MANAGEMENT_PORT" "Keycloak management"
  # The realm file is the truth: the dev database (H2 in Keycloak's data dir) keeps what it holds across restarts,
  # and is dropped and re-imported when deploy/keycloak/yhdyspinta-realm.json changed since the last import.
  mkdir -p "$KC_HOME/data/import"
  realm_sum=$(cksum <"$REALM_FILE")
  if [[ -d "$KC_HOME/data/h2" && "$(cat "$KC_HOME/data/realm.cksum" 2>/dev/null)" != "$realm_sum" ]]; then
    say "Realm file changed since the last import: re-creating Keycloak's dev database"
    rm -rf "$KC_HOME/data/h2"
  fi
  cp "$REALM_FILE" "$KC_HOME/data/import/yhdyspinta-realm.json"
  printf '%s\n' "$realm_sum" >"$KC_HOME/data/realm.cksum"
  say "Starting Keycloak on $KEYCLOAK_URL (log $KC_LOG)"
  start_detached keycloak "$KC_LOG" env \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" JAVA_OPTS_APPEND="$HOME_MARKER" \
    "$KC_HOME/bin/kc.sh" start-dev --http-host "$HOST" --http-port "$KEYCLOAK_PORT" --hostname "http://$HOST:$KEYCLOAK_PORT" \
    --http-management-port "$KEYCLOAK_MANAGEMENT_PORT" --health-enabled=true --import-realm
  STARTED_ANY=true
fi

say "Waiting for the infrastructure (timeout ${TIMEOUT}s each) ..."
wait_for infra "$INFRA_LOG" "Kafka $HOST:$KAFKA_PORT, PostgreSQL $HOST:$POSTGRES_PORT, SMTP $HOST:$SMTP_PORT" infra_ready
wait_for keycloak "$KC_LOG" "Keycloak realm $REALM" keycloak_ready

# --- services --------------------------------------------------------------------------------------------------

if ! $INFRA_ONLY; then
  for s in "${SERVICE_INSTANCES[@]}"; do
    name=${s%%:*}
    port=${s##*:}
    module=$(module_of "$name")
    if pid=$(running_pid "$name"); then
      say "$name already running (pid $pid)"
      continue
    fi
    require_free_port "$port" "$name"
    jar="$REPO_ROOT/$module/target/quarkus-app/quarkus-run.jar"
    say "Starting $name on port $port (log $LOG_DIR/$name.log)"
    # shellcheck disable=SC2086 # YHDYSPINTA_SERVICE_JAVA_OPTS is a list of options
    (cd "$REPO_ROOT/$module" && start_detached "$name" "$LOG_DIR/$name.log" \
      java "$HOME_MARKER" $SERVICE_JAVA_OPTS -Dquarkus.http.port="$port" -jar "$jar")
    STARTED_ANY=true
  done
  say "Waiting for the services' /q/health/ready ..."
  for s in "${SERVICE_INSTANCES[@]}"; do
    name=${s%%:*}
    port=${s##*:}
    # shellcheck disable=SC2064
    wait_for "$name" "$LOG_DIR/$name.log" "$name http://$HOST:$port/q/health/ready" \
      http_ok "http://$HOST:$port/q/health/ready"
  done
fi

# --- where everything is ---------------------------------------------------------------------------------------

$STARTED_ANY || say "Everything was already running."
cat <<EOF

Yhdyspinta local stack is up.  Data: $YHDYSPINTA_HOME   Logs: $LOG_DIR   Pids: $RUN_DIR

  Kafka        $HOST:$KAFKA_PORT  (KRaft, single node; one topic per event family and its .dlq, 3 partitions each)
  PostgreSQL   postgresql://yhdyspinta:yhdyspinta@$HOST:$POSTGRES_PORT/{referral,consent,careplan,notification}
               superuser postgres/postgres
  SMTP sink    $HOST:$SMTP_PORT (GreenMail, no auth)
  Mail API     http://$HOST:$MAIL_API_PORT/  - recipients: curl http://$HOST:$MAIL_API_PORT/api/user
               messages:   curl http://$HOST:$MAIL_API_PORT/api/user/<address>/messages/
  Keycloak     $KEYCLOAK_URL/admin/  (admin/admin)   issuer $KEYCLOAK_URL/realms/$REALM
               users nurse doctor socialworker ngo lead client ops archive registrar auditor (password = username)
  Token        TOKEN=\$(deploy/local/token.sh nurse)   curl -H "Authorization: Bearer \$TOKEN" ...
EOF
if ! $INFRA_ONLY; then
  for s in "${SERVICE_INSTANCES[@]}"; do
    printf '  %-23s http://%s:%s/  (OpenAPI /q/openapi, health /q/health, Swagger UI /q/swagger-ui if enabled)\n' \
      "${s%%:*}" "$HOST" "${s##*:}"
  done
  ((INSTANCES == 1)) || say "  ($INSTANCES instances of each service: same database and consumer group per service)"

else
  say "  Services     not started (--infra-only): ./mvnw -pl <module> quarkus:dev"
fi
say ""
say "Stop everything with deploy/local/down.sh"
