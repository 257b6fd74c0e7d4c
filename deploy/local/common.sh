# shellcheck shell=bash
# Shared by up.sh, down.sh and token.sh. Sourced, not run.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
DEPLOY_DIR="$REPO_ROOT/deploy"

YHDYSPINTA_HOME="${YHDYSPINTA_HOME:-$HOME/.yhdyspinta}"
LOG_DIR="$YHDYSPINTA_HOME/logs"
RUN_DIR="$YHDYSPINTA_HOME/run"

HOST=127.0.0.1
KAFKA_PORT=9092
POSTGRES_PORT=15432
SMTP_PORT=2525
MAIL_API_PORT=8025
KEYCLOAK_PORT=8180
KEYCLOAK_MANAGEMENT_PORT=9000
KEYCLOAK_URL="${YHDYSPINTA_KEYCLOAK_URL:-http://$HOST:$KEYCLOAK_PORT}"
REALM=yhdyspinta
TOKEN_CLIENT_ID=yhdyspinta-cli
REALM_FILE="$DEPLOY_DIR/keycloak/yhdyspinta-realm.json"

# module:port, in start order
ALL_SERVICES=(referral-service:8081 consent-service:8082 care-plan-service:8083 notification-service:8084 ops-console:8085)
# YHDYSPINTA_SERVICES="referral-service consent-service" makes up.sh start (and build-check) only those
SERVICES=()
for _s in "${ALL_SERVICES[@]}"; do
  if [[ -z "${YHDYSPINTA_SERVICES:-}" || " ${YHDYSPINTA_SERVICES//,/ } " == *" ${_s%%:*} "* ]]; then
    SERVICES+=("$_s")
  fi
done
unset _s

# YHDYSPINTA_INSTANCES=N (default 1, at most 6): up.sh starts N instances of each service. Instance 1 keeps the
# service's port, name, log and pid file (referral-service, 8081); instance i >= 2 is "<module>-i" on the port
# plus (i-1)*10000 (referral-service-2 on 18081, -3 on 28081 ...). The instances of a service share its database
# and consumer group: Kafka spreads the partitions across them, and one of them at a time publishes the outbox.
INSTANCES="${YHDYSPINTA_INSTANCES:-1}"
MAX_INSTANCES=6

# instance_name MODULE I / instance_port PORT I
instance_name() { if (($2 == 1)); then printf '%s\n' "$1"; else printf '%s-%s\n' "$1" "$2"; fi; }
instance_port() { printf '%s\n' $(($1 + ($2 - 1) * 10000)); }

# every module:port[:instance] line for instances 1..N of the selected services (the ops console: always one; its
# consumer group reads every family topic whole, and Keycloak knows only its port as a redirect address)
service_instances() {
  local n=$1 s i max
  for s in "${SERVICES[@]}"; do
    max=$n
    [[ "${s%%:*}" == ops-console ]] && max=1
    for ((i = 1; i <= max; i++)); do
      printf '%s:%s\n' "$(instance_name "${s%%:*}" "$i")" "$(instance_port "${s##*:}" "$i")"
    done
  done
}

LAUNCHER_JAR="$DEPLOY_DIR/target/deploy-0.1.0-SNAPSHOT.jar"
LAUNCHER_LIB="$DEPLOY_DIR/target/lib"
GREENMAIL_JAR="$DEPLOY_DIR/target/greenmail/greenmail-standalone.jar"

# Every JVM the stack starts carries this system property; down.sh finds leftovers by it (and by nothing broader).
HOME_MARKER="-Dyhdyspinta.home=$YHDYSPINTA_HOME"

say() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

keycloak_home() {
  local kc
  for kc in "$DEPLOY_DIR"/target/keycloak/keycloak-*/; do
    [[ -x "$kc/bin/kc.sh" ]] && printf '%s\n' "${kc%/}"
  done | sort | tail -n 1
}

# --- processes -------------------------------------------------------------------------------------------------

pid_file() { printf '%s/%s.pid\n' "$RUN_DIR" "$1"; }

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# the command line of a pid, NULs as spaces ("" if unknown)
cmdline_of() { [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }

# Prints the pid of a component started by up.sh if that process still runs; a pid file whose pid now belongs to
# an unrelated process (pid reuse after a reboot) does not count.
running_pid() {
  local name=$1 file pid cmd
  file=$(pid_file "$name")
  [[ -f "$file" ]] || return 1
  pid=$(<"$file")
  alive "$pid" || return 1
  if [[ -d /proc/$pid ]]; then
    cmd=$(cmdline_of "$pid")
    [[ "$cmd" == *"$HOME_MARKER"* || "$cmd" == *"$(marker_of "$name")"* ]] || return 1
  fi
  printf '%s\n' "$pid"
}

# the module of a service instance's name: referral-service-2 -> referral-service
module_of() {
  if [[ "$1" =~ ^(.*)-[0-9]+$ ]]; then printf '%s\n' "${BASH_REMATCH[1]}"; else printf '%s\n' "$1"; fi
}

marker_of() {
  case "$1" in
    infra) printf '%s\n' 'fi.yhdyspinta.deploy.LocalInfrastructure' ;;
    keycloak) printf '%s\n' 'bin/kc.sh' ;;
    # referral-service-2 (a second instance) runs the jar of referral-service
    *) printf '%s\n' "$(module_of "$1")/target/quarkus-app/quarkus-run.jar" ;;
  esac
}

# pids of JVMs carrying this stack's marker (what a pid file may have lost track of)
marked_pids() {
  local d pid
  for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    [[ "$pid" == "$$" ]] && continue
    [[ "$(cmdline_of "$pid")" == *"$HOME_MARKER "* ]] && printf '%s\n' "$pid"
  done
  return 0
}

# --- network ---------------------------------------------------------------------------------------------------

have_curl() { command -v curl >/dev/null 2>&1; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# http METHOD URL [BODY]: prints the response body, a newline and the HTTP status code as the last line
# (000 when nothing answers). curl when present, else plain HTTP/1.0 over bash's /dev/tcp (http:// only, form bodies).
http() {
  local method=$1 url=$2 body=${3:-}
  if have_curl; then
    local args=(-sS --max-time 10 -X "$method" -w '\n%{http_code}')
    [[ -n "$body" ]] && args+=(-H 'Content-Type: application/x-www-form-urlencoded' --data-binary "$body")
    curl "${args[@]}" "$url" 2>/dev/null || printf '\n000'
    return 0
  fi
  local rest=${url#http://} hostport path host port response
  hostport=${rest%%/*}
  path=/${rest#*/}
  [[ "$rest" == */* ]] || path=/
  host=${hostport%%:*}
  port=${hostport##*:}
  [[ "$port" == "$hostport" ]] && port=80
  response=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/$host/$port" || exit 1
    printf '%s %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n' "$method" "$path" "$hostport" >&3
    if [[ -n "$body" ]]; then
      printf 'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %s\r\n' "${#body}" >&3
    fi
    printf '\r\n%s' "$body" >&3
    timeout 10 cat <&3
  ) || { printf '\n000'; return 0; }
  printf '%s\n%s' "${response#*$'\r\n\r\n'}" "$(printf '%s' "$response" | head -n 1 | cut -d' ' -f2)"
}

# the status line that http printed last
http_status() { printf '%s' "${1##*$'\n'}"; }
# the body that http printed before the status
http_body() { printf '%s' "${1%$'\n'*}"; }

http_ok() {
  local out
  out=$(http GET "$1")
  [[ "$(http_status "$out")" == 2* ]]
}

# form-urlencode one value (RFC 3986 unreserved characters kept)
urlencode() {
  local s=$1 out='' c i
  local LC_ALL=C
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}
