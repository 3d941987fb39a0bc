#!/usr/bin/env bash
# Benchmark of the CIM view: EnumerateInstances of ComputerSystem (all properties) for N test-driver domains,
# answered by the shaded jar; prints the median and writes the "CIM view" section of docs/benchmarks.md.
# Usage: bench/cim.sh [DOMAINS] [REQUESTS]   (build first: mvn -q -B -o package -DskipITs)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
N=${1:-1000}
REQUESTS=${2:-50}
PORT=${CIM_BENCH_PORT:-15990}
WORK=$(mktemp -d)
trap 'kill "$AGENT" 2>/dev/null || true; rm -rf "$WORK"' EXIT

java src/test/java/io/virtmx/testbed/TestNodeGenerator.java "$N" "$WORK/node.xml" >/dev/null
java -jar target/virtmx.jar --connect "test://$WORK/node.xml" --cim --cim-port "$PORT" --interval 1h \
  >"$WORK/agent.log" 2>&1 &
AGENT=$!

cat >"$WORK/req.xml" <<XML
<?xml version="1.0" encoding="utf-8" ?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLEREQ>
<IMETHODCALL NAME="EnumerateInstances"><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="virt"/>
</LOCALNAMESPACEPATH><IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="Libvirt_ComputerSystem"/></IPARAMVALUE>
<IPARAMVALUE NAME="LocalOnly"><VALUE>FALSE</VALUE></IPARAMVALUE>
</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>
XML
request() {
  curl -s -o "$WORK/resp.xml" -w '%{time_total} %{size_download}\n' "http://127.0.0.1:$PORT/cimom" \
    -H 'Content-Type: application/xml; charset=utf-8' -H 'CIMOperation: MethodCall' \
    -H 'CIMMethod: EnumerateInstances' -H 'CIMObject: root%2Fvirt' --data-binary "@$WORK/req.xml"
}
for _ in $(seq 1 120); do
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && [ "$(request | cut -d' ' -f2)" -gt 10000 ]; then
    break
  fi
  sleep 0.5
done
COUNT=$(grep -c '<VALUE.NAMEDINSTANCE>' "$WORK/resp.xml")
[ "$COUNT" -eq "$N" ] || { echo "expected $N instances, got $COUNT" >&2; exit 1; }
for _ in $(seq 1 10); do request >/dev/null; done  # warm-up (JIT)
: >"$WORK/times"
for _ in $(seq 1 "$REQUESTS"); do request >>"$WORK/times"; done
MEDIAN_MS=$(sort -n "$WORK/times" | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
P90_MS=$(sort -n "$WORK/times" | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f", t[int(NR * 0.9)] }')
BYTES=$(head -1 "$WORK/times" | cut -d' ' -f2)
echo "EnumerateInstances Libvirt_ComputerSystem, $N domains: median ${MEDIAN_MS} ms, p90 ${P90_MS} ms, $BYTES bytes"

section=$WORK/section.md
cat >"$section" <<MD
## CIM view (issue 6)

\`bench/cim.sh $N $REQUESTS\` on $(nproc) cores ($(date -u +%Y-%m-%d)): EnumerateInstances of Libvirt_ComputerSystem
with all properties (LocalOnly=FALSE) for $N test-driver domains (\`test://\` node from TestNodeGenerator), $REQUESTS
requests after 10 warm-up ones, one at a time with curl over HTTP on loopback, no authentication.

| domains | median | p90 | response size | target |
|---|---|---|---|---|
| $N | ${MEDIAN_MS} ms | ${P90_MS} ms | $BYTES bytes ($(( BYTES / N )) bytes per instance) | median <= 150 ms |
MD
write_section cim "$section"
