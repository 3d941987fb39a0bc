#!/usr/bin/env bash
# Side-by-side /metrics benchmark: virtmx vs prometheus-libvirt-exporter on the 1000-domain test node served by
# libvirtd (test+unix://), one run. Writes the "Prometheus view" section of docs/benchmarks.md.
#   bench/metrics-vs-exporter.sh [DOMAINS=1000] [SCRAPES=31]
set -euo pipefail
cd "$(dirname "$0")/.."
DOMAINS=${1:-1000}
SCRAPES=${2:-31}
WORK=$(mktemp -d /tmp/virtmx-metrics-bench.XXXXXX)
NODE=$WORK/node.xml
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }   # utime+stime of the process, in clock ticks

[ -f target/virtmx.jar ] || mvn -q -B -o package -DskipITs
java src/test/java/io/virtmx/testbed/TestNodeGenerator.java "$DOMAINS" "$NODE" >/dev/null
virsh -c test+unix://"$NODE" list >/dev/null   # libvirtd must be running (it serves test+unix://)

EXP_PORT=$(free_port)
prometheus-libvirt-exporter --web.listen-address=127.0.0.1:$EXP_PORT --libvirt.uri=test+unix://"$NODE" \
  >"$WORK/exporter.log" 2>&1 &
PIDS+=($!)
OUR_PORT=$(free_port)
java -jar target/virtmx.jar --connect test+unix://"$NODE" --interval 10s --metrics-port "$OUR_PORT" \
  >"$WORK/virtmx.log" 2>&1 &
OUR_PID=$!
PIDS+=($OUR_PID)
wait_http "http://127.0.0.1:$EXP_PORT/metrics"
wait_http "http://127.0.0.1:$OUR_PORT/metrics"
# Wait for virtmx's first complete snapshot (all domains) before timing.
for _ in $(seq 1 300); do
  n=$(curl -s "http://127.0.0.1:$OUR_PORT/metrics" | grep -c '^libvirt_domain_state_code{' || true)
  [ "$n" -ge "$DOMAINS" ] && break; sleep 0.5
done

scrape() { # URL -> one time_total per line
  for _ in $(seq 1 "$SCRAPES"); do curl -s -o /dev/null -w '%{time_total}\n' "$1"; done
}
EXP_TIMES=$(scrape "http://127.0.0.1:$EXP_PORT/metrics")
T0=$(cpu_ticks $OUR_PID)
OUR_TIMES=$(scrape "http://127.0.0.1:$OUR_PORT/metrics")
T1=$(cpu_ticks $OUR_PID)
OUR_GZ=$(for _ in $(seq 1 "$SCRAPES"); do curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total}\n' \
  "http://127.0.0.1:$OUR_PORT/metrics"; done | median)
EXP_SERIES=$(curl -s "http://127.0.0.1:$EXP_PORT/metrics" | grep -vc '^#')
OUR_SERIES=$(curl -s "http://127.0.0.1:$OUR_PORT/metrics" | grep -vc '^#')
EXP_DOMAINS=$(curl -s "http://127.0.0.1:$EXP_PORT/metrics" | grep -c '^libvirt_domain_state_code{' || true)
EXP_MED=$(echo "$EXP_TIMES" | median)
OUR_MED=$(echo "$OUR_TIMES" | median)
HZ=$(getconf CLK_TCK)
CPU_MS=$(awk -v a="$T0" -v b="$T1" -v hz="$HZ" -v n="$SCRAPES" 'BEGIN {printf "%.1f", (b-a)*1000/hz/n}')
RATIO=$(awk -v e="$EXP_MED" -v o="$OUR_MED" 'BEGIN {printf "%.1f", e/o}')
SERIES_RATIO=$(awk -v e="$EXP_SERIES" -v o="$OUR_SERIES" 'BEGIN {printf "%.1f", o/e}')
ms() { awk -v s="$1" 'BEGIN {printf "%.1f", s*1000}'; }

SECTION=$(cat <<MD
## Prometheus view: /metrics vs prometheus-libvirt-exporter (issue 4)

\`bench/metrics-vs-exporter.sh $DOMAINS $SCRAPES\`, run $(date -u +%Y-%m-%d) on $(nproc) CPUs: test node with $DOMAINS
domains (2 disks + 1 NIC each) served by libvirtd (\`test+unix://\`), both processes scraping the same node,
$SCRAPES sequential \`curl\` scrapes each, no compression unless stated.

| | prometheus-libvirt-exporter $(dpkg-query -W -f='${Version}' prometheus-libvirt-exporter 2>/dev/null || echo '?') | virtmx |
|---|---|---|
| median /metrics response time | $(ms "$EXP_MED") ms | $(ms "$OUR_MED") ms (gzip: $(ms "$OUR_GZ") ms) |
| series exposed | $EXP_SERIES ($EXP_DOMAINS domains listed) | $OUR_SERIES |
| agent CPU time per scrape | – | $CPU_MS ms |

virtmx answers **${RATIO}x** faster while exposing **${SERIES_RATIO}x** as many series: a scrape copies the libvirt
families serialized once per snapshot and makes no libvirt call; the exporter queries libvirtd on every scrape.
CPU per scrape is virtmx's utime+stime from /proc/PID/stat over the timed scrapes (it includes any collection
that ran meanwhile).
MD
)
source bench/lib.sh  # cwd is the repository root here
printf '%s\n' "$SECTION" > "$ROOT/bench/out/metrics-section.md"
write_section metrics "$ROOT/bench/out/metrics-section.md"
echo "$SECTION"
