#!/usr/bin/env bash
# Issue 12 benchmark: one agent watching HOSTS test-driver hosts of DOMAINS domains each through libvirtd (each
# host its own copy of the node file, published under its own name), through the shipped launcher. Reports how
# soon every host has its first snapshot, whether every host keeps being collected on its own schedule (its
# virtmx_last_success_timestamp_seconds moves), /metrics scrape time and size, and the agent's RSS over the run.
# Writes the "many-hosts" section of docs/benchmarks.md.
# Usage: bench/many-hosts.sh [HOSTS=20] [DOMAINS=500] [DURATION_S=240] [INTERVAL=30s]
source "$(dirname "$0")/lib.sh"
HOSTS=${1:-20}
DOMAINS=${2:-500}
DURATION_S=${3:-240}
INTERVAL=${4:-30s}

[ -f "$ROOT/target/virtmx.jar" ] || build   # never rebuild a jar another benchmark may be running
ensure_libvirtd
node=$(test_node "$DOMAINS")
args=()
for i in $(seq -w 1 "$HOSTS"); do
  cp "$node" "$OUT/many-h$i.xml"
  args+=(--connect "h$i=test+unix://$OUT/many-h$i.xml")
done
# The launcher's heap (96 MiB, chosen for one host of 1000 domains) does not hold 10 000 domains: the agent exited
# in the first collections, and with 512 MiB it ran out of memory 5 minutes in (docs/benchmarks.md, "Many hosts").
export JAVA_OPTS=${JAVA_OPTS:--Xmx1g -Xmn64m}
# CPU seconds (user+sys) libvirtd has used so far: it serves every host's calls.
libvirtd_cpu_s() {
  local pid
  pid=$(pgrep -o -x libvirtd || true)
  [ -n "$pid" ] && awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat" || echo 0
}
libvirtd_cpu0=$(libvirtd_cpu_s)
port=$(free_port)
start=$(date +%s.%N)
"$ROOT/bin/virtmx" "${args[@]}" --interval "$INTERVAL" --metrics-port "$port" --no-jolokia \
  > "$OUT/many-hosts-agent.log" 2>&1 &
agent=$!
trap 'kill $agent 2>/dev/null || true' EXIT
# The views start once every host is connected, one after the other (libvirtd parses each test node's
# XML as the connection opens: 0.7-3 s each on a loaded machine).
wait_http "http://127.0.0.1:$port/metrics" 300

# First snapshot of every host: libvirt_up{host=...} 1 for all of them.
first=""
for _ in $(seq 1 600); do
  up=$(curl -s "http://127.0.0.1:$port/metrics" | grep -c '^libvirt_up{host="h[0-9]*"} 1' || true)
  if [ -z "${first_one:-}" ] && [ "$up" -ge 1 ]; then first_one=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)"); fi
  if [ -z "${first_half:-}" ] && [ "$up" -ge $(( (HOSTS + 1) / 2 )) ]; then first_half=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)"); fi
  if [ "$up" -ge "$HOSTS" ]; then
    first=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
    first_load=$(cut -d' ' -f1-3 /proc/loadavg)
    break
  fi
  sleep 0.5
done

# The run: every 10 s a scrape (timed), each host's last success, the agent's RSS.
samples=$OUT/many-hosts-samples.txt
: > "$samples"
declare -A last moved
end=$(( $(date +%s) + DURATION_S ))
scrapes=()
curve=()      # RSS (MiB) at the start of each minute of the run
next_minute=$(date +%s)
rss_max=0
died=""
while [ "$(date +%s)" -lt "$end" ]; do
  if ! kill -0 "$agent" 2>/dev/null; then died="the agent exited after $(( $(date +%s) - ${start%.*} )) s: $(tail -1 "$OUT/many-hosts-agent.log")"; break; fi
  t0=$(date +%s%N)
  body=$(curl -s "http://127.0.0.1:$port/metrics" || true)
  t1=$(date +%s%N)
  scrapes+=($(( (t1 - t0) / 1000000 )))
  bytes=${#body}
  while read -r h v; do
    if [ -n "${last[$h]:-}" ] && [ "${last[$h]}" != "$v" ]; then moved[$h]=$(( ${moved[$h]:-0} + 1 )); fi
    last[$h]=$v
  done < <(printf '%s\n' "$body" | sed -n 's/^virtmx_last_success_timestamp_seconds{host="\(h[0-9]*\)"} \(.*\)$/\1 \2/p')
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$agent/status" 2>/dev/null || echo 0)
  [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  if [ "$(date +%s)" -ge "$next_minute" ]; then curve+=("$rss"); next_minute=$(( next_minute + 60 )); fi
  echo "$(( $(date +%s) - ${start%.*} )) s rss=${rss}MiB scrape=$(( (t1 - t0) / 1000000 ))ms" >> "$samples"
  sleep 10
done
rss_end=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$agent/status" 2>/dev/null || echo 0)
tick=$(getconf CLK_TCK)
cpu_s=$(awk -v t="$tick" '{printf "%.1f", ($14 + $15) / t}' "/proc/$agent/stat" 2>/dev/null || echo "?")
libvirtd_cpu=$(libvirtd_cpu_s)
libvirtd_cpu=$(awk -v a="$libvirtd_cpu0" -v b="$libvirtd_cpu" 'BEGIN {printf "%.1f", b - a}')
[ "$rss_end" -gt "$rss_max" ] && rss_max=$rss_end
stale=$(curl -s "http://127.0.0.1:$port/metrics" | grep -c '^virtmx_snapshot_stale{host="h[0-9]*"} 1' || true)
min_moves=999999
for i in $(seq -w 1 "$HOSTS"); do
  m=${moved[h$i]:-0}
  [ "$m" -lt "$min_moves" ] && min_moves=$m
done
sorted=$(printf '%s\n' "${scrapes[@]}" | sort -n)
count=$(printf '%s\n' "$sorted" | wc -l)
p50=$(printf '%s\n' "$sorted" | sed -n "$(( (count + 1) / 2 ))p")
pmax=$(printf '%s\n' "$sorted" | tail -1)

# After warm-up (the first third of the run, at least 5 minutes when the run is long enough): lowest and highest.
warm=$(( ${#curve[@]} / 3 ))
[ "$warm" -lt 5 ] && [ "${#curve[@]}" -gt 10 ] && warm=5
after=$(printf '%s\n' "${curve[@]:$warm}" | sort -n)
after_range="$(printf '%s\n' "$after" | head -1)–$(printf '%s\n' "$after" | tail -1)"
body_file=$OUT/many-hosts-section.md
cat > "$body_file" <<MD
## Many hosts: $HOSTS hosts × $DOMAINS domains, one agent

\`bench/many-hosts.sh $HOSTS $DOMAINS $DURATION_S $INTERVAL\` ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) shared cores, load average
$(cut -d' ' -f1-3 /proc/loadavg) at the end): one agent started through
\`bin/virtmx\` watches $HOSTS test-driver hosts through libvirtd (each its own copy of a $DOMAINS-domain node, 2 disks and
1 NIC per domain, published as \`h01\`…), every $INTERVAL, metrics and JMX on, \`JAVA_OPTS="$JAVA_OPTS"\`, for ${DURATION_S} s after the first
snapshot of every host.

| measure | value |
|---|---|
| first snapshot served: first host / half of the hosts | ${first_one:-?} s / ${first_half:-?} s after start |
| every host's first snapshot served | ${first:-not within 300 s} s after start (load average then: ${first_load:-?}) |
| collections per host seen in the run (fewest of any host) | $min_moves |
| hosts stale at the end | $stale |
| /metrics scrape, median / max over $count scrapes | $p50 ms / $pmax ms ($(( bytes / 1024 )) KiB) |
| agent RSS, end / max | $rss_end MiB / $rss_max MiB |
| agent RSS at each minute of the run (MiB) | ${curve[*]} |
| agent RSS after warm-up (from minute $warm on), lowest–highest | $after_range MiB |
| collections that outlasted the 30 s timeout (log lines) | $(grep -c 'still running after' "$OUT/many-hosts-agent.log" || true) |
| agent exited early | ${died:-no} |

At most \`--max-collections\` full collections run at once (default: the number of CPUs, here $(nproc)); the other
hosts wait their turn, first come first served, without holding a thread, and a collection's 30 s timeout counts
from the start of its turn. A host's collection runs on its own thread and holds at most \`--workers\` libvirt
calls (its worker budget); a collection still running at its timeout gives its turn back, so a hung host delays
the others by at most that; \`HungHostIT\` shows a hung host leaving the others fresh.
Agent CPU (user+sys) over the whole run: ${cpu_s} s; CPU of libvirtd meanwhile: ${libvirtd_cpu} s.
MD
write_section many-hosts "$body_file"
cat "$body_file"
