#!/usr/bin/env bash
# Walks the main flow (README "The main flow with curl") against the running local stack and
# checks every step. Needs only bash and curl. Exit code 0 = every hop worked.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
R=http://127.0.0.1:8081; C=http://127.0.0.1:8082; N=http://127.0.0.1:8084
J='Content-Type: application/json'

field() { # field NAME JSON → the first string value of "NAME":"…"
  grep -o "\"$1\":\"[^\"]*\"" <<<"$2" | head -n1 | sed -E "s/\"$1\":\"([^\"]*)\"/\1/"
}
step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

NURSE=$("$here/token.sh" nurse)
SW=$("$here/token.sh" socialworker)
NGO=$("$here/token.sh" ngo)

step "1. nurse records a need"
need=$(curl -sf -H "Authorization: Bearer $NURSE" -H "$J" "$R/needs" -d '{"client":"010190-900P",
  "category":"MENTAL_HEALTH","targetSector":"SOCIAL","targetOrganisation":"1.2.246.10.2345678.20.1","urgency":"ROUTINE"}')
echo "$need"
ref=$(field referralId "$need"); [ -n "$ref" ] || fail "no referralId"
[ "$(field status "$need")" = AWAITING_CONSENT ] || fail "need is not AWAITING_CONSENT"

step "2. the referral waits for consent"
[ "$(field status "$(curl -sf -H "Authorization: Bearer $NURSE" "$R/referrals/$ref")")" = AWAITING_CONSENT ] \
  || fail "referral is not AWAITING_CONSENT"

step "3. nurse records the client's consent"
consent=$(curl -sf -H "Authorization: Bearer $NURSE" -H "$J" "$C/consents" -d '{"client":"010190-900P",
  "purpose":"REFERRAL","recipients":["1.2.246.10.2345678.20.1"],"dataCategories":["NEED_SUMMARY","CONTACT_DETAILS"],
  "validUntil":"2027-12-31","form":"ORAL"}')
echo "$consent"
[ "$(field status "$consent")" = ACTIVE ] || fail "consent is not ACTIVE"

step "4. within 5 s the referral is SENT with a consentDecisionId"
for _ in $(seq 1 25); do
  referral=$(curl -sf -H "Authorization: Bearer $NURSE" "$R/referrals/$ref")
  [ "$(field status "$referral")" = SENT ] && break
  sleep 0.2
done
echo "$referral"
[ "$(field status "$referral")" = SENT ] || fail "referral not SENT within 5 s"
[ -n "$(field consentDecisionId "$referral")" ] || fail "no consentDecisionId"

step "5. the social worker's inbox shows REFERRAL_RECEIVED"
for _ in $(seq 1 25); do
  inbox=$(curl -sf -H "Authorization: Bearer $SW" "$N/inbox")
  grep -q "\"referralId\":\"$ref\"" <<<"$inbox" && grep -q REFERRAL_RECEIVED <<<"$inbox" && break
  sleep 0.2
done
grep -q "\"referralId\":\"$ref\"" <<<"$inbox" || fail "no inbox item for the referral"

step "6. the social worker accepts and completes"
curl -sf -X POST -H "Authorization: Bearer $SW" "$R/referrals/$ref/accept" | grep -q '"status":"ACCEPTED"' \
  || fail "accept"
curl -sf -H "Authorization: Bearer $SW" -H "$J" "$R/referrals/$ref/complete" \
  -d '{"outcome":"SERVICE_PROVIDED","feedback":"Asiakas ohjattu aikuissosiaalityöhön."}' \
  | grep -q '"status":"COMPLETED"' || fail "complete"

step "7. the nurse's inbox shows REFERRAL_COMPLETED"
for _ in $(seq 1 25); do
  inbox=$(curl -sf -H "Authorization: Bearer $NURSE" "$N/inbox")
  grep -q REFERRAL_COMPLETED <<<"$inbox" && grep -q "\"referralId\":\"$ref\"" <<<"$inbox" && break
  sleep 0.2
done
grep -q REFERRAL_COMPLETED <<<"$inbox" || fail "no REFERRAL_COMPLETED for the nurse"

step "access and errors"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $NGO" "$R/referrals/$ref")
[ "$code" = 403 ] || [ "$code" = 404 ] || fail "ngo got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$R/referrals/$ref")
[ "$code" = 401 ] || fail "no token got $code"
bad=$(curl -s -H "Authorization: Bearer $NURSE" -H "$J" "$R/needs" -d '{"client":"010190-900A",
  "category":"MENTAL_HEALTH","targetSector":"SOCIAL","targetOrganisation":"1.2.246.10.2345678.20.1","urgency":"ROUTINE"}')
grep -q '"field":"client"' <<<"$bad" || fail "invalid henkilötunnus not rejected naming the field"

printf '\nThe main flow works: referral %s completed, sender notified.\n' "$ref"
