#!/usr/bin/env bash
# Issue 12, start-up: how soon the long-running agent serves its first complete snapshot of a
# DOMAINS-domain test node (launch to a /metrics listing every domain), through the shipped launcher
# with a warm class-data sharing archive, RUNS times. Prints, per run, the wall time, the agent's CPU
# seconds (user+sys) at that moment, each collector's duration in that first collection and the load
# average, then the median wall and CPU time. Nothing is written to docs/.
# Usage: bench/first-snapshot.sh [DOMAINS=1000] [RUNS=5]
source "$(dirname "$0")/lib.sh"
DOMAINS=${1:-1000}
RUNS=${2:-5}
LAUNCHER=${LAUNCHER:-$ROOT/bin/virtmx}
WORK=$(mktemp -d /tmp/virtmx-first.XXXXXX)
export VIRTMX_CDS_DIR=$WORK/cds
AGENT=""
cleanup() { [ -n "$AGENT" ] && kill "$AGENT" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

[ -f "$ROOT/target/virtmx.jar" ] || { echo "build target/virtmx.jar first" >&2; exit 1; }
NODE=$(test_node "$DOMAINS")
URI=test+unix://$NODE
tick=$(getconf CLK_TCK)
cpu_s() { awk -v t="$tick" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }

# One agent run: prints "wall cpu collectors..." for its first complete snapshot.
run() {
  local port t0 n body
  port=$(free_port)
  t0=$(date +%s.%N)
  "$LAUNCHER" --connect "$URI" --metrics-port "$port" --jolokia-port "$(free_port)" >"$WORK/agent.log" 2>&1 &
  AGENT=$!
  for _ in $(seq 1 1200); do
    body=$(curl -s "http://127.0.0.1:$port/metrics" 2>/dev/null || true)
    n=$(printf '%s\n' "$body" | grep -c '^libvirt_domain_state_code{' || true)
    if [ "${n:-0}" -ge "$DOMAINS" ]; then
      printf '%s %s %s\n' "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b-a}')" "$(cpu_s "$AGENT")" \
        "$(printf '%s\n' "$body" | sed -n 's/^virtmx_collector_duration_seconds{.*collector="\([a-z_]*\)".*} \(.*\)$/\1=\2/p' \
           | awk -F= '$2 > 0.05 {printf "%s=%.2f ", $1, $2}')"
      kill "$AGENT"; wait "$AGENT" 2>/dev/null || true; AGENT=""
      return 0
    fi
    sleep 0.05
  done
  echo "no complete snapshot; log: $(tail -3 "$WORK/agent.log")" >&2
  return 1
}

run >/dev/null   # writes the launcher's class-data sharing archive, as a host's first start does
results=()
for i in $(seq 1 "$RUNS"); do
  line=$(run)
  echo "run $i: wall ${line%% *} s, cpu $(echo "$line" | cut -d' ' -f2) s, ${line#* * } load $(cut -d' ' -f1-3 /proc/loadavg)"
  results+=("$line")
done
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $RUNS: wall $(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | med) s," \
  "cpu $(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | med) s ($DOMAINS domains)"
