#!/usr/bin/env bash
# Issue 2 benchmark: one full collection of N test-driver domains (2 disks, 1 NIC each) through libvirtd by
# virtmx, against one scrape of the same node by Debian's prometheus-libvirt-exporter, alternated in one run; then
# the live heap of a real agent process watching that node. Writes the "collection" section of docs/benchmarks.md.
# Usage: bench/collect-vs-exporter.sh [N=1000] [ROUNDS=9]
source "$(dirname "$0")/lib.sh"
N=${1:-1000}
ROUNDS=${2:-9}

build
ensure_libvirtd
node=$(test_node "$N")
uri="test+unix://$node"
port=$(free_port)
prometheus-libvirt-exporter --web.listen-address="127.0.0.1:$port" --libvirt.uri="$uri" > "$OUT/exporter.log" 2>&1 &
exporter=$!
agent=""
trap 'kill $exporter ${agent:-} 2>/dev/null || true' EXIT
wait_http "http://127.0.0.1:$port/"
curl -s -o /dev/null "http://127.0.0.1:$port/metrics" # the exporter's first scrape opens its connection

table=$OUT/collection-table.md
java -Xmx256m -cp "$(test_classpath)" io.virtmx.bench.CollectionBenchmark "$uri" \
  "http://127.0.0.1:$port/metrics" "$ROUNDS" "$(pgrep -o -x libvirtd)" > "$table"

# Live heap of the real agent after collecting the node a few times.
java -jar "$ROOT/target/virtmx.jar" --connect "$uri" --interval 2s --log-level debug > /dev/null 2> "$OUT/agent.log" &
agent=$!
for _ in $(seq 1 300); do [ "$(grep -c 'collected' "$OUT/agent.log" || true)" -ge 4 ] && break; sleep 0.5; done
jcmd "$agent" GC.run > /dev/null
heap_kib=$(jcmd "$agent" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
kill "$agent"; agent=""

section=$OUT/collection-section.md
{
  echo "## Full collection vs prometheus-libvirt-exporter (issue 2)"
  echo
  echo "\`bench/collect-vs-exporter.sh $N $ROUNDS\` on $(date -u +%Y-%m-%d), $(nproc) cores, libvirt $(virsh --version)," \
       "test driver through libvirtd (\`test+unix://…/node-$N.xml\`), $N domains with 2 disks and 1 NIC each."
  echo "Each round runs one virtmx collection (every statistic of every domain, pool and network) and then one"
  echo "exporter scrape, so both see the same load."
  echo
  cat "$table"
  echo
  echo "Live heap of the agent process (\`java -jar target/virtmx.jar\`) after 4 collections of this node, measured"
  echo "with \`jcmd GC.run\` then \`GC.heap_info\`: **$((heap_kib / 1024)) MiB** (target: at most 64 MiB)."
} > "$section"
write_section collection "$section"
cat "$section"
