#!/usr/bin/env python3
"""Load driver for Yhdyspinta's main flow (DESIGN §4) against the local stack.

Python 3 standard library only: one thread per virtual user, each with its own keep-alive
connections. Real tokens from the local Keycloak (password grant, refreshed before they expire).

One flow = the same five steps as ../shared/bench/peer-hapi/flow.py does on HAPI FHIR:
  1. POST /needs                 nurse (health centre) → need + referral AWAITING_CONSENT
  2. POST /consents              nurse records the client's consent → consent-service decides,
                                 consent-granted → referral-service sends the referral
  3. (wait) GET /referrals/{id}  until SENT — the hop through Kafka; its latency is measured
                                 from server timestamps: referral.updatedAt(SENT) − consent.recordedAt
  4. POST /referrals/{id}/accept social worker (social services)
  5. POST /referrals/{id}/complete with feedback
Each flow has a fresh client (a computed test henkilötunnus, individual number 900–999).

The first --warmup seconds run but are not counted. Prints a summary and, last, one JSON line.
"""
import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import date, datetime, timedelta

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
HEALTH_CENTRE = "1.2.246.10.2345678.10.1"
SOCIAL_SERVICES = "1.2.246.10.2345678.20.1"
STEPS = ["need", "consent", "sent", "accept", "complete"]


def hetu():
    d = date(1935, 1, 1) + timedelta(days=random.randrange(365 * 80))
    individual = random.randrange(900, 1000)
    digits = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
    sign = "A" if d.year >= 2000 else "-"
    return f"{digits}{sign}{individual}{CHECK[int(digits + str(individual)) % 31]}"


def parse_time(text):
    # Java's OffsetDateTime: 2026-11-25T18:02:03.123456Z or +00:00; Python 3.11 takes both
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Tokens:
    """Access tokens of the local Keycloak, fetched once and refreshed a minute before expiry."""

    def __init__(self, keycloak, realm="yhdyspinta", client_id="yhdyspinta-cli"):
        self.url = f"{keycloak}/realms/{realm}/protocol/openid-connect/token"
        self.client_id = client_id
        self.lock = threading.Lock()
        self.cache = {}

    def get(self, user):
        with self.lock:
            token, expires = self.cache.get(user, (None, 0))
            if token and time.time() < expires - 60:
                return token
            body = urllib.parse.urlencode({"grant_type": "password", "client_id": self.client_id,
                                           "username": user, "password": user, "scope": "openid"}).encode()
            with urllib.request.urlopen(self.url, body, timeout=30) as resp:
                answer = json.load(resp)
            self.cache[user] = (answer["access_token"], time.time() + answer.get("expires_in", 300))
            return answer["access_token"]


class HttpError(Exception):
    def __init__(self, what, status, body):
        super().__init__(f"{what}: HTTP {status}: {body[:200]!r}")


class Service:
    """One keep-alive connection to one service; reconnects after a failure."""

    def __init__(self, base, tokens, timeout=30):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout, self.tokens = u.hostname, u.port, timeout, tokens
        self.conn = None

    def call(self, method, path, user, body=None, what=None, extra_headers=None, with_etag=False):
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Authorization": "Bearer " + self.tokens.get(user), "Accept": "application/json"}
        headers.update(extra_headers or {})
        if data is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                payload = resp.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
                continue
            if with_etag and resp.status == 304:
                return None, resp.getheader("ETag")
            if resp.status >= 300:
                raise HttpError(what or f"{method} {path}", resp.status, payload)
            answer = json.loads(payload) if payload else None
            return (answer, resp.getheader("ETag")) if with_etag else answer
        raise RuntimeError("unreachable")


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.steps = {s: [] for s in STEPS}
        self.flows = []
        self.consent_to_sent = []
        self.errors = {}
        self.completed_at = []

    def add(self, step, seconds):
        with self.lock:
            self.steps[step].append(seconds)

    def flow(self, seconds, hop, finished):
        with self.lock:
            self.flows.append(seconds)
            self.consent_to_sent.append(hop)
            self.completed_at.append(finished)

    def error(self, text):
        with self.lock:
            key = text[:120]
            self.errors[key] = self.errors.get(key, 0) + 1


def pct(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def one_flow(referral, consent, stats, counting, poll, gap=0.0):
    client = hetu()
    t0 = time.perf_counter()
    created = referral.call("POST", "/needs", "nurse", {"client": client, "category": "MENTAL_HEALTH",
                            "targetOrganisation": SOCIAL_SERVICES, "urgency": "ROUTINE"}, "POST /needs")
    t1 = time.perf_counter()
    rid = created["referralId"]
    rested = 0.0
    if gap > 0:  # not counted in any step nor in the flow
        time.sleep(gap)
        rested = time.perf_counter() - t1
        t1 += rested
    recorded = consent.call("POST", "/consents", "nurse", {
        "client": client, "purpose": "REFERRAL", "recipients": [SOCIAL_SERVICES],
        "dataCategories": ["NEED_SUMMARY", "CONTACT_DETAILS"],
        "validUntil": (date.today() + timedelta(days=365)).isoformat(), "form": "ORAL"}, "POST /consents")
    t2 = time.perf_counter()
    deadline = t2 + 30
    view, etag = referral.call("GET", f"/referrals/{rid}", "nurse", None, "GET /referrals/{id}", with_etag=True)
    while view["status"] != "SENT":
        if view["status"] != "AWAITING_CONSENT" or time.perf_counter() > deadline:
            raise RuntimeError(f"referral {view['status']} instead of SENT")
        if poll > 0:
            time.sleep(poll)
            view, etag = referral.call("GET", f"/referrals/{rid}", "nurse", None, "GET /referrals/{id}", with_etag=True)
            continue
        # long polling: the server answers when the referral changes (Prefer: wait, If-None-Match)
        changed, etag = referral.call("GET", f"/referrals/{rid}", "nurse", None, "GET /referrals/{id} (wait)",
                                      {"If-None-Match": etag, "Prefer": "wait=10"}, with_etag=True)
        view = changed or view
    t3 = time.perf_counter()
    hop = (parse_time(view["updatedAt"]) - parse_time(recorded["recordedAt"])).total_seconds()
    referral.call("POST", f"/referrals/{rid}/accept", "socialworker", None, "accept")
    t4 = time.perf_counter()
    referral.call("POST", f"/referrals/{rid}/complete", "socialworker",
                  {"outcome": "SERVICE_PROVIDED", "feedback": "Asiakas ohjattu aikuissosiaalityöhön."}, "complete")
    t5 = time.perf_counter()
    if counting():
        for step, seconds in zip(STEPS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            stats.add(step, seconds)
        stats.flow(t5 - t0 - rested, hop, time.time())


def proc_sample(pids):
    """CPU ticks and RSS (kB) per named pid, from /proc."""
    out = {}
    for name, pid in pids.items():
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks = int(fields[11]) + int(fields[12])
            rss = 0
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss = int(line.split()[1])
            out[name] = (ticks, rss, jit_ticks(pid))
        except (OSError, IndexError, ValueError):
            pass
    return out


def jit_ticks(pid):
    """CPU ticks of the JVM's JIT compiler threads: a service still compiling is not warm yet."""
    total = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    text = f.read()
                comm = text[text.index("(") + 1:text.rindex(")")]
                if "CompilerThre" in comm:
                    fields = text.rsplit(")", 1)[1].split()
                    total += int(fields[11]) + int(fields[12])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        pass
    return total


def box_sample(service_pids):
    """The whole box: total and idle CPU ticks (/proc/stat) and the ticks of every process, grouped by what it is
    (each service by its pid, PostgreSQL's processes, the broker and mail sink, Keycloak, the ops console, this
    driver, the rest). Processes that end inside the window (none in a steady run) are not counted."""
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    groups = {}
    by_pid = {pid: name for name, pid in service_pids.items()}
    me = str(os.getpid())
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                text = f.read()
            comm = text[text.index("(") + 1:text.rindex(")")]
            fields = text.rsplit(")", 1)[1].split()
            ticks = int(fields[11]) + int(fields[12])
            if pid in by_pid:
                group = by_pid[pid]
            elif pid == me:
                group = "driver"
            elif comm.startswith("postgres"):
                group = "postgresql"
            else:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
                if "keycloak" in cmd:
                    group = "keycloak"
                elif "ops-console" in cmd:
                    group = "ops-console"
                elif "LocalInfrastructure" in cmd:
                    group = "kafka+mail"
                else:
                    group = "other"
            groups[group] = groups.get(group, 0) + ticks
        except (OSError, ValueError, IndexError):
            pass
    return sum(cpu), cpu[3] + (cpu[4] if len(cpu) > 4 else 0), groups


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-c", "--concurrency", type=int, default=16)
    ap.add_argument("-d", "--duration", type=float, default=60, help="measured seconds")
    ap.add_argument("-w", "--warmup", type=float, default=20, help="seconds run but not counted")
    ap.add_argument("--referral", default="http://127.0.0.1:8081")
    ap.add_argument("--consent", default="http://127.0.0.1:8082")
    ap.add_argument("--keycloak", default=os.environ.get("YHDYSPINTA_KEYCLOAK_URL", "http://127.0.0.1:8180"))
    ap.add_argument("--poll", type=float, default=0.0,
                    help="seconds between polls for SENT; 0 (default) waits by long polling (Prefer: wait)")
    ap.add_argument("--pids", default="", help="name=pid,... of the services, for CPU and RSS")
    ap.add_argument("--gap", type=float, default=0.0,
                    help="seconds between POST /needs and POST /consents (0: at once, the default); with a gap the "
                         "need-identified event has reached consent-service before the consent is recorded")
    ap.add_argument("--think", type=float, default=0.0,
                    help="seconds each user rests between flows (0: none, the default; a closed loop)")
    args = ap.parse_args()

    tokens = Tokens(args.keycloak)
    for user in ("nurse", "socialworker"):
        tokens.get(user)
    stats = Stats()
    start = time.time()
    measure_from = start + args.warmup
    stop_at = measure_from + args.duration
    counting = lambda: time.time() >= measure_from  # noqa: E731 — counts flows started in the window
    pids = dict(p.split("=") for p in args.pids.split(",") if "=" in p)
    hz = os.sysconf("SC_CLK_TCK")

    def user():
        referral = Service(args.referral, tokens)
        consent = Service(args.consent, tokens)
        while time.time() < stop_at:
            started_counting = counting()
            try:
                one_flow(referral, consent, stats, lambda: started_counting, args.poll, args.gap)
            except Exception as e:  # noqa: BLE001 — every failure is counted, not retried
                if started_counting:
                    stats.error(str(e))
            if args.think > 0:
                time.sleep(args.think)

    threads = [threading.Thread(target=user, daemon=True) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    while time.time() < measure_from:
        time.sleep(0.1)
    before = proc_sample(pids)
    box_before = box_sample(pids)
    rss_max = {}
    while time.time() < stop_at:
        time.sleep(1)
        for name, (_, rss, _) in proc_sample(pids).items():
            rss_max[name] = max(rss_max.get(name, 0), rss)
    after = proc_sample(pids)
    box_after = box_sample(pids)
    for t in threads:
        t.join(timeout=60)

    window = args.duration
    flows = len(stats.flows)
    result = {
        "concurrency": args.concurrency, "duration_s": window, "warmup_s": args.warmup,
        "gap_s": args.gap, "think_s": args.think,
        "flows": flows, "flows_per_s": round(flows / window, 2),
        "errors": sum(stats.errors.values()), "error_kinds": stats.errors,
        "flow_ms": {p: pct(stats.flows, p) for p in (50, 95, 99)},
        "consent_to_sent_ms": {p: pct(stats.consent_to_sent, p) for p in (50, 95, 99)},
        "steps_ms": {s: {p: pct(v, p) for p in (50, 95, 99)} for s, v in stats.steps.items()},
        "services": {name: {"cpu_percent_of_one_core": round(100 * (after[name][0] - before[name][0]) / hz / window, 1),
                            "jit_cpu_percent_of_one_core": round(100 * (after[name][2] - before[name][2]) / hz / window, 1),
                            "cpu_ms_per_flow": round(1000 * (after[name][0] - before[name][0]) / hz / flows, 1)
                            if flows else None,
                            "rss_mb_end": round(after[name][1] / 1024), "rss_mb_max": round(rss_max.get(name, 0) / 1024)}
                     for name in after if name in before},
    }
    total_ticks = box_after[0] - box_before[0]
    idle_ticks = box_after[1] - box_before[1]
    cores = os.cpu_count() or 1
    per_flow = {g: round(1000 * (box_after[2].get(g, 0) - box_before[2].get(g, 0)) / hz / flows, 1) if flows else None
                for g in box_after[2]}
    result["box"] = {
        "cores": cores,
        "busy_percent": round(100 * (total_ticks - idle_ticks) / total_ticks, 1) if total_ticks else None,
        "cpu_ms_per_flow": dict(sorted(per_flow.items(), key=lambda kv: -(kv[1] or 0))),
    }
    print(f"flows/s {result['flows_per_s']}  ({flows} flows in {window:.0f} s, c={args.concurrency}, "
          f"errors {result['errors']}"
          + (f", {args.gap} s between need and consent" if args.gap else "")
          + (f", {args.think} s rest between flows" if args.think else "") + ")")
    print("consent→SENT ms (server timestamps) p50/p95/p99: "
          + " / ".join(f"{v:.1f}" if v is not None else "-" for v in result["consent_to_sent_ms"].values()))
    for s, v in result["steps_ms"].items():
        print(f"  {s:9s} p50/p95/p99 ms: " + " / ".join(f"{x:.1f}" if x is not None else "-" for x in v.values()))
    for name, v in result["services"].items():
        print(f"  {name}: CPU {v['cpu_percent_of_one_core']} % of a core (JIT compiler {v['jit_cpu_percent_of_one_core']} %),"
              f" {v['cpu_ms_per_flow']} ms per flow, RSS {v['rss_mb_end']} MB (max {v['rss_mb_max']} MB)")
    if flows:
        box = result["box"]
        services_ms = sum(v["cpu_ms_per_flow"] or 0 for v in result["services"].values())
        rest_ms = sum(ms for g, ms in box["cpu_ms_per_flow"].items() if g not in result["services"])
        print(f"  box: {box['cores']} cores, {box['busy_percent']} % busy; CPU ms per flow: "
              + ", ".join(f"{g} {ms}" for g, ms in box["cpu_ms_per_flow"].items() if ms))
        print(f"  everything but the services takes {rest_ms:.1f} ms of CPU per flow: even with services that cost"
              f" nothing, this box could run at most {1000 * box['cores'] / rest_ms:.0f} flows/s" if rest_ms else "")
        box["services_ms_per_flow"] = round(services_ms, 1)
        box["rest_ms_per_flow"] = round(rest_ms, 1)
    service_cpu = sum(v["cpu_percent_of_one_core"] for v in result["services"].values())
    jit_cpu = sum(v["jit_cpu_percent_of_one_core"] for v in result["services"].values())
    if service_cpu and jit_cpu > 0.05 * service_cpu:
        print(f"  NOT WARM: the JIT compilers took {100 * jit_cpu / service_cpu:.0f} % of the services' CPU in the window;"
              " warm up longer (on two cores the stack needs several minutes of load)")
    for text, n in stats.errors.items():
        print(f"  error ×{n}: {text}", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
