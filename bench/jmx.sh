#!/usr/bin/env bash
# JMX view benchmark on the 1000-domain test node served by libvirtd (test+unix://): time to register every MBean
# of the host, and remote getAttribute latency on Domain MBeans over the authenticated RMI connector.
# Writes the "JMX view" section of docs/benchmarks.md.
#   bench/jmx.sh [DOMAINS=1000] [CALLS=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
DOMAINS=${1:-1000}
CALLS=${2:-5000}
WORK=$(mktemp -d /tmp/virtmx-jmx-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
NODE=$WORK/node.xml

[ -d target/test-classes/io/virtmx/view/jmx ] || mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
java src/test/java/io/virtmx/testbed/TestNodeGenerator.java "$DOMAINS" "$NODE" >/dev/null
virsh -c test+unix://"$NODE" list >/dev/null   # libvirtd must be running (it serves test+unix://)

OUT=$(java -cp "target/classes:target/test-classes:$(cat "$WORK/cp.txt")" io.virtmx.view.jmx.JmxBench \
  test+unix://"$NODE" "$CALLS" 2>"$WORK/bench.log" | tee /dev/stderr)
val() { echo "$OUT" | sed -n "s/^$1=//p"; }

SECTION=$(cat <<MD
## JMX view: registering MBeans and remote getAttribute (issue 3)

\`bench/jmx.sh $DOMAINS $CALLS\`, run $(date -u +%Y-%m-%d) on $(nproc) CPUs: test node with $(val domains) domains
(2 disks + 1 NIC each) served by libvirtd (\`test+unix://\`), collected once; the view registers into the platform
MBean server; the remote client is a JSR-160 RMI client on loopback authenticated as a viewer.

| | result | target |
|---|---|---|
| register every MBean of the host ($(val mbeans) MBeans) | $(val register_median_ms) ms median of 6 (first, cold JVM: $(val register_first_ms) ms) | ≤ 1000 ms |
| same snapshot again (nothing changes, nothing re-registered) | $(val resync_unchanged_ms) ms | – |
| remote \`getAttribute\` on a Domain MBean, $(val get_calls) calls over 1000 domains | $(val get_median_ms) ms median, $(val get_p99_ms) ms p99 | ≤ 2 ms median |

Attributes are read from the latest snapshot through a per-host name index (one hash lookup) on every get; the
first registration run also pays class loading and JIT warm-up in a fresh JVM.
MD
)
source bench/lib.sh  # cwd is the repository root here
printf '%s\n' "$SECTION" > "$ROOT/bench/out/jmx-section.md"
write_section jmx "$ROOT/bench/out/jmx-section.md"
echo "$SECTION"
