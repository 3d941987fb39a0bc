#!/usr/bin/env bash
# Live heap and RSS of the agent on the DOMAINS-domain test node (issue 12, "MBean metadata and model heap" in
# docs/benchmarks.md): the agent started through bin/virtmx (every default view on, class-data sharing off so two
# jars compare alike), its first complete snapshot, SCRAPES scrapes of /metrics 10 s apart, then VmRSS/VmHWM, the
# GC counts, and four class histograms 2.5 s apart (each after a full GC; the node is collected every 10 s, so
# some catch a collection in flight: the smallest is the resting live heap). Prints a summary; keeps the
# histograms (and with HEAPDUMP=1 a heap dump for bench/hprof-strings.py) in bench/out/live-heap-LABEL/.
#   bench/live-heap.sh [LABEL=current] [DOMAINS=1000] [SCRAPES=5]
# Environment: VIRTMX_JAR (default target/virtmx.jar), JAVA_OPTS (passed to the launcher), HEAPDUMP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
LABEL=${1:-current}
DOMAINS=${2:-1000}
SCRAPES=${3:-5}
DIR=$OUT/live-heap-$LABEL
rm -rf "$DIR" && mkdir -p "$DIR"
[ -n "${VIRTMX_JAR:-}" ] || { [ -f target/virtmx.jar ] || mvn -q -B -o package -DskipTests -DskipITs; }
NODE=$(test_node "$DOMAINS")
PORT=$(free_port)
VIRTMX_CDS=off bin/virtmx --connect "test+unix://$NODE" --metrics-port "$PORT" --jolokia-port "$(free_port)" \
  >"$DIR/agent.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
t0=$(date +%s)
for _ in $(seq 1 1200); do
  n=$(curl -s "http://127.0.0.1:$PORT/metrics" 2>/dev/null | grep -c '^libvirt_domain_state_code{' || true)
  [ "${n:-0}" -ge "$DOMAINS" ] && break
  kill -0 $PID 2>/dev/null || { echo "agent exited:"; tail -3 "$DIR/agent.log"; exit 1; }
  sleep 0.1
done
echo "first complete snapshot after $(($(date +%s) - t0)) s" | tee "$DIR/summary"
sleep 10
for i in $(seq 1 "$SCRAPES"); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/metrics"
  [ "$i" -lt "$SCRAPES" ] && sleep 10
done
kill -0 $PID 2>/dev/null || { echo "agent exited:"; tail -3 "$DIR/agent.log"; exit 1; }
awk '$1 == "VmRSS:" || $1 == "VmHWM:" || $1 == "Threads:"' /proc/$PID/status | tee -a "$DIR/summary"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$DIR/summary"
echo "GC counts (young, full): $(jstat -gc $PID | tail -1 | awk '{print $13, $15}')" | tee -a "$DIR/summary"
for k in 1 2 3 4; do
  jcmd $PID GC.class_histogram >"$DIR/histogram-$k.txt"
  echo "live heap after full GC, histogram $k: $(tail -1 "$DIR/histogram-$k.txt" | awk '{printf "%.1f MiB", $3 / 1048576}')" \
    | tee -a "$DIR/summary"
  sleep 2.5
done
[ -n "${HEAPDUMP:-}" ] && jcmd $PID GC.heap_dump "$DIR/heap.hprof" >/dev/null
awk '$1 == "VmRSS:" {print "VmRSS after the full GCs: " $2 " kB"}' /proc/$PID/status | tee -a "$DIR/summary"
