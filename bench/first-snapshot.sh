#!/usr/bin/env bash
# Issue 12, start-up: how soon the long-running agent serves its first complete snapshot of a
# DOMAINS-domain test node (launch to a /metrics listing every domain), through the shipped launcher
# with a warm class-data sharing archive, RUNS times. Prints, per run, the wall time, the agent's CPU
# seconds (user+sys) at that moment, each collector's duration in that first collection and the load
# average; then where the time went: the phases from the agent's log (launch to connected, connected
# to the first collection's start, the collection, the views hearing of it, then to served), the CPU seconds of the
# agent's JIT compiler threads and libvirt threads (workers and event loop: one name in /proc), and libvirtd's CPU seconds meanwhile (other
# clients of that libvirtd count too); then the median wall and CPU time. Extra agent options in
# AGENT_ARGS, JVM options in JAVA_OPTS (e.g. -XX:TieredStopAtLevel=1 to compare). Nothing is written
# to docs/. Last, the floor libvirtd sets without any agent: virsh (a C client, no JVM) connecting to the
# node alone, and fetching every domain's XML (a complete snapshot needs each domain's disks and
# interfaces) over one connection: wall, virsh's CPU and libvirtd's CPU.
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
LIBVIRTD=$(pgrep -o -x libvirtd || true)
# threads_cpu PID REGEX: CPU seconds of the process's threads whose name matches REGEX
threads_cpu() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v t="$tick" -v re="$2" '
    { name = $0; sub(/^[0-9]+ \(/, "", name); sub(/\) [A-Z] .*$/, "", name)
      rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
      if (name ~ re) s += f[12] + f[13] }
    END { printf "%.2f", s / t }'
}
# log_s PATTERN: the epoch seconds of the first agent log line matching PATTERN
log_s() {
  local ts
  ts=$(grep -m1 -- "$1" "$WORK/agent.log" | cut -d' ' -f1)
  [ -n "$ts" ] && date -d "$ts" +%s.%N || echo ""
}
# phases T0 TSERVED: "jvm+connect=… to_collect=… collect=… views_told=… to_served=…" from the
# agent's log line of its first collection (logged once the store's listeners, the views, heard of it)
phases() {
  local conn pub line took told
  conn=$(log_s ': connected (host')
  pub=$(log_s 'first collection published')
  line=$(grep -m1 'first collection published' "$WORK/agent.log")
  took=$(printf '%s' "$line" | sed -n 's/.* networks in \([0-9]*\) ms (.*/\1/p')
  told=$(printf '%s' "$line" | sed -n 's/.*views told in \([0-9]*\) ms.*/\1/p')
  [ -n "$conn" ] && [ -n "$pub" ] && [ -n "$took" ] && [ -n "$told" ] || { echo "phases: not in the log"; return; }
  awk -v a="$1" -v c="$conn" -v p="$pub" -v k="$took" -v v="$told" -v s="$2" 'BEGIN {
    printf "phases: jvm+connect=%.2f to_collect=%.2f collect=%.2f views_told=%.2f to_served=%.2f",
      c - a, p - (v + k) / 1000 - c, k / 1000, v / 1000, s - p }'
}

# One agent run: prints "wall cpu collectors..." for its first complete snapshot.
run() {
  local port t0 n body
  local d0 t1
  port=$(free_port)
  d0=$([ -n "$LIBVIRTD" ] && cpu_s "$LIBVIRTD" || echo 0)
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$LAUNCHER" --connect "$URI" --metrics-port "$port" --jolokia-port "$(free_port)" ${AGENT_ARGS:-} \
    >"$WORK/agent.log" 2>&1 &
  AGENT=$!
  for _ in $(seq 1 1200); do
    body=$(curl -s "http://127.0.0.1:$port/metrics" 2>/dev/null || true)
    n=$(printf '%s\n' "$body" | grep -c '^libvirt_domain_state_code{' || true)
    if [ "${n:-0}" -ge "$DOMAINS" ]; then
      t1=$(date +%s.%N)
      printf '%s %s %s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b-a}')" "$(cpu_s "$AGENT")" \
        "$(printf '%s\n' "$body" | sed -n 's/^virtmx_collector_duration_seconds{.*collector="\([a-z_]*\)".*} \(.*\)$/\1=\2/p' \
           | awk -F= '$2 > 0.05 {printf "%s=%.2f ", $1, $2}')"
      echo "  $(phases "$t0" "$t1"); cpu: jit=$(threads_cpu "$AGENT" 'CompilerThre') libvirt_threads=$(threads_cpu \
        "$AGENT" '^virtmx-libvirt-') libvirtd=$(awk -v a="$d0" -v b="$([ -n "$LIBVIRTD" ] && cpu_s "$LIBVIRTD" || echo 0)" \
        'BEGIN {printf "%.2f", b - a}')" >"$WORK/detail"
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
  cat "$WORK/detail"
  results+=("$line")
done
med() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $RUNS: wall $(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | med) s," \
  "cpu $(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | med) s ($DOMAINS domains)"

# The floor, without the agent: what libvirtd takes to open the node, and to serve every domain's XML.
virsh_floor() {
  local d0 t0 t1 out
  d0=$([ -n "$LIBVIRTD" ] && cpu_s "$LIBVIRTD" || echo 0)
  t0=$(date +%s.%N)
  out=$( { /usr/bin/time -f '%U %S' virsh -q -c "$URI" "$1" >/dev/null; } 2>&1 | tail -1)
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v u="$out" -v d0="$d0" -v d1="$([ -n "$LIBVIRTD" ] && cpu_s "$LIBVIRTD" || echo 0)" \
    'BEGIN {split(u, c, " "); printf "wall %.2f s, virsh cpu %.2f s, libvirtd cpu %.2f s", b - a, c[1] + c[2], d1 - d0}'
}
first=$(virsh -q -c "$URI" list --all --name | awk 'NF {print; exit}')
echo "floor: virsh connecting and reading one domain's state: $(virsh_floor "domstate $first")"
all=$(virsh -q -c "$URI" list --all --name | awk 'NF {printf "dumpxml %s; ", $1}')
echo "floor: virsh connecting and reading all $DOMAINS domains' XML: $(virsh_floor "$all")"
