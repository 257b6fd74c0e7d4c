#!/usr/bin/env bash
# Prints an access token of the local Keycloak (realm yhdyspinta, client yhdyspinta-cli, password grant).
#
#   deploy/local/token.sh USER [PASSWORD]            the token only, on stdout (PASSWORD defaults to USER)
#   deploy/local/token.sh --claims USER [PASSWORD]   the token's decoded payload (JSON) instead
#
#   TOKEN=$(deploy/local/token.sh nurse) && curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8081/referrals
#
# Users: nurse doctor socialworker ngo lead client ops archive. YHDYSPINTA_KEYCLOAK_URL overrides http://127.0.0.1:8180.
set -euo pipefail

# shellcheck source=common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

usage() {
  warn "usage: $(basename "$0") [--claims] USER [PASSWORD]"
  exit 2
}

claims=false
if [[ "${1:-}" == "--claims" ]]; then
  claims=true
  shift
fi
[[ $# -ge 1 && $# -le 2 && -n "$1" ]] || usage
user=$1
password=${2:-$1}

# JSON string member of a flat object: "name":"value" (tokens contain no escaped quotes)
json_string() { sed -n 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' | head -n 1; }

url="$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token"
body="grant_type=password&client_id=$(urlencode "$TOKEN_CLIENT_ID")&username=$(urlencode "$user")&password=$(urlencode "$password")&scope=openid"
out=$(http POST "$url" "$body")
status=$(http_status "$out")
response=$(http_body "$out")
[[ "$status" != 000 ]] || die "Keycloak does not answer at $KEYCLOAK_URL (is the stack up? deploy/local/up.sh)"
token=$(printf '%s' "$response" | json_string access_token)
if [[ "$status" != 200 || -z "$token" ]]; then
  error=$(printf '%s' "$response" | json_string error)
  description=$(printf '%s' "$response" | json_string error_description)
  die "no token for '$user' (HTTP $status${error:+: $error}${description:+ - $description})"
fi

if $claims; then
  payload=$(printf '%s' "$token" | cut -d. -f2 | tr '_-' '/+')
  while (( ${#payload} % 4 != 0 )); do payload+='='; done
  printf '%s' "$payload" | base64 -d
  printf '\n'
else
  printf '%s\n' "$token"
fi
