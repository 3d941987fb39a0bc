#!/usr/bin/env bash
# What the Prometheus view costs in heap (issue 12): the agent started through the launcher on a test node of
# DOMAINS domains (every default view on), then SCRAPES plain and SCRAPES gzip scrapes of /metrics 2 s apart
# under a JFR recording; prints the bytes each thread group allocated meanwhile (jdk.ThreadAllocationStatistics
# at the recording's start and end: exact per thread), per scrape for the HTTP threads, the live heap after a
# full GC (GC.class_histogram, its top lines) and RSS. Prints only; the footprint paragraphs of
# docs/benchmarks.md quote it by hand.
#   bench/metrics-memory.sh [DOMAINS=1000] [SCRAPES=10]
# Environment: VIRTMX_JAR (another jar, e.g. an older build to compare), JAVA_OPTS (added to the launcher's).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DOMAINS=${1:-1000}
SCRAPES=${2:-10}
WORK=$(mktemp -d /tmp/virtmx-metrics-memory.XXXXXX)
export VIRTMX_CDS=off
AGENT_PID=
cleanup() { [ -n "$AGENT_PID" ] && kill "$AGENT_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

[ -n "${VIRTMX_JAR:-}" ] || [ -f target/virtmx.jar ] || mvn -q -B -o package -DskipTests -DskipITs
NODE=$(test_node "$DOMAINS")
PORT=$(free_port)
bin/virtmx --connect "test+unix://$NODE" --metrics-port "$PORT" --jolokia-port "$(free_port)" \
  >"$WORK/agent.log" 2>&1 &
AGENT_PID=$!
URL=http://127.0.0.1:$PORT/metrics
for _ in $(seq 1 1200); do
  n=$(curl -s "$URL" 2>/dev/null | grep -c '^libvirt_domain_state_code{' || true)
  [ "${n:-0}" -ge "$DOMAINS" ] && break
  sleep 0.1
done
[ "${n:-0}" -ge "$DOMAINS" ] || { echo "no complete snapshot" >&2; cat "$WORK/agent.log" >&2; exit 1; }
sleep 10
jcmd "$AGENT_PID" JFR.start name=alloc settings=default filename="$WORK/alloc.jfr" >/dev/null
sleep 1
for _ in $(seq 1 "$SCRAPES"); do curl -s -o /dev/null "$URL"; sleep 2; done
for _ in $(seq 1 "$SCRAPES"); do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$URL"; sleep 2; done
jcmd "$AGENT_PID" JFR.stop name=alloc >/dev/null
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); RSS after the scrapes:" \
  "$(awk '$1 == "VmRSS:" {printf "%.1f MiB", $2/1024}' /proc/$AGENT_PID/status)"
jfr print --json --events jdk.ThreadAllocationStatistics "$WORK/alloc.jfr" >"$WORK/alloc.json"
python3 - "$WORK/alloc.json" "$SCRAPES" <<'PY'
import json, re, sys
events = json.load(open(sys.argv[1]))["recording"]["events"]
first, last = {}, {}
for e in events:
    v = e["values"]
    name = (v["thread"] or {}).get("javaName") or "?"
    first.setdefault(name, v["allocated"])
    last[name] = v["allocated"]
groups = {}
for name in last:
    g = re.sub(r"-?\d+$", "", name)
    groups[g] = groups.get(g, 0) + last[name] - first[name]
scrapes = 2 * int(sys.argv[2])
for g, b in sorted(groups.items(), key=lambda x: -x[1])[:8]:
    print(f"  {g:40s} {b / 2**20:9.1f} MiB allocated during the {scrapes} scrapes")
http = groups.get("virtmx-http", 0)
print(f"  per scrape on the HTTP threads: {http / scrapes / 2**20:.2f} MiB")
PY
echo "live heap after a full GC (jcmd GC.class_histogram):"
jcmd "$AGENT_PID" GC.class_histogram | sed -n '2,14p;$p'
echo "RSS after the full GC: $(awk '$1 == "VmRSS:" {printf "%.1f MiB", $2/1024}' /proc/$AGENT_PID/status)"
