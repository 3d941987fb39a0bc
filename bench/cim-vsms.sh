#!/usr/bin/env bash
# Benchmark of the CIM VirtualSystemManagementService: N DefineSystem/DestroySystem pairs (a VSSD, a memory and a
# processor RASD as MOF text) on the libvirt test driver, answered by the shaded jar; prints the median per pair and
# writes the "cim-vsms" section of docs/benchmarks.md.
# Usage: bench/cim-vsms.sh [PAIRS]   (build first: mvn -q -B -o package -DskipITs)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
PAIRS=${1:-100}
PORT=$(free_port)
WORK=$(mktemp -d)
trap 'kill "$AGENT" 2>/dev/null || true; rm -rf "$WORK"' EXIT

NODE=$(test_node 10)
echo bench-password | java -jar target/virtmx.jar user add bench --role operator --users "$WORK/users" >/dev/null
java -jar target/virtmx.jar --connect "test://$NODE" --cim --cim-port "$PORT" --interval 1h --users "$WORK/users" \
  >"$WORK/agent.log" 2>&1 &
AGENT=$!
wait_http "http://127.0.0.1:$PORT/" 60

SERVICE='<LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="virt"/></LOCALNAMESPACEPATH>
<INSTANCENAME CLASSNAME="Libvirt_VirtualSystemManagementService">
<KEYBINDING NAME="CreationClassName"><KEYVALUE>Libvirt_VirtualSystemManagementService</KEYVALUE></KEYBINDING>
<KEYBINDING NAME="Name"><KEYVALUE>Management Service</KEYVALUE></KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH>'
mof() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/"/\&quot;/g'; }
define_body() {
  cat <<XML
<?xml version="1.0" encoding="utf-8" ?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLEREQ>
<METHODCALL NAME="DefineSystem">$SERVICE
<PARAMVALUE NAME="SystemSettings" PARAMTYPE="string"><VALUE>$(mof "instance of Libvirt_VirtualSystemSettingData { VirtualSystemIdentifier = \"vmx-vsms-bench-$1\"; };")</VALUE></PARAMVALUE>
<PARAMVALUE NAME="ResourceSettings" PARAMTYPE="string"><VALUE.ARRAY>
<VALUE>$(mof 'instance of Libvirt_MemResourceAllocationSettingData { VirtualQuantity = 64; AllocationUnits = "MegaBytes"; };')</VALUE>
<VALUE>$(mof 'instance of Libvirt_ProcResourceAllocationSettingData { VirtualQuantity = 1; };')</VALUE>
</VALUE.ARRAY></PARAMVALUE></METHODCALL></SIMPLEREQ></MESSAGE></CIM>
XML
}
destroy_body() {
  cat <<XML
<?xml version="1.0" encoding="utf-8" ?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="2" PROTOCOLVERSION="1.0"><SIMPLEREQ>
<METHODCALL NAME="DestroySystem">$SERVICE
<PARAMVALUE NAME="AffectedSystem" PARAMTYPE="reference"><VALUE.REFERENCE><INSTANCENAME CLASSNAME="Libvirt_ComputerSystem">
<KEYBINDING NAME="CreationClassName"><KEYVALUE>Libvirt_ComputerSystem</KEYVALUE></KEYBINDING>
<KEYBINDING NAME="Name"><KEYVALUE>vmx-vsms-bench-$1</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE></PARAMVALUE>
</METHODCALL></SIMPLEREQ></MESSAGE></CIM>
XML
}
BUSY=0
# call METHOD FILE: prints the seconds of the answered request (a 503 "busy" is asked again after its Retry-After)
call() {
  local out
  while true; do
    out=$(curl -s -u bench:bench-password -o "$WORK/resp.xml" -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT/cimom" \
      -H 'Content-Type: application/xml; charset=utf-8' -H 'CIMOperation: MethodCall' -H "CIMMethod: $1" \
      -H 'CIMObject: root%2Fvirt%3ALibvirt_VirtualSystemManagementService' --data-binary "@$2")
    [ "${out%% *}" != 503 ] && break
    BUSY=$((BUSY + 1)); sleep 1
  done
  grep -q '<RETURNVALUE PARAMTYPE="uint32"><VALUE>0</VALUE>' "$WORK/resp.xml" \
    || { echo "$1 failed: $(cat "$WORK/resp.xml")" >&2; exit 1; }
  echo "${out#* }"
}
pair() {
  define_body "$1" >"$WORK/define.xml"
  destroy_body "$1" >"$WORK/destroy.xml"
  local d u
  d=$(call DefineSystem "$WORK/define.xml")
  u=$(call DestroySystem "$WORK/destroy.xml")
  echo "$d $u" | awk '{ printf "%.6f %.6f %.6f\n", $1 + $2, $1, $2 }'
}
for i in $(seq 1 10); do pair "warm$i" >/dev/null; done  # warm-up (JIT)
: >"$WORK/times"
for i in $(seq 1 "$PAIRS"); do pair "$i" >>"$WORK/times"; done
median() { sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
PAIR_MS=$(cut -d' ' -f1 "$WORK/times" | median)
DEFINE_MS=$(cut -d' ' -f2 "$WORK/times" | median)
DESTROY_MS=$(cut -d' ' -f3 "$WORK/times" | median)
P90_MS=$(cut -d' ' -f1 "$WORK/times" | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f", t[int(NR * 0.9)] }')
echo "DefineSystem+DestroySystem, $PAIRS pairs: median ${PAIR_MS} ms per pair (define ${DEFINE_MS} ms, destroy ${DESTROY_MS} ms), p90 ${P90_MS} ms, $BUSY busy answers"

section=$WORK/section.md
cat >"$section" <<MD
## CIM VirtualSystemManagementService (issue 15)

\`bench/cim-vsms.sh $PAIRS\` on $(nproc) cores ($(date -u +%Y-%m-%d)): $PAIRS DefineSystem/DestroySystem pairs on the
libvirt test driver (\`test://\` node of 10 domains), each DefineSystem with a VSSD, a memory and a processor RASD as MOF
text, one request at a time with curl over HTTP on loopback as an operator (basic authentication), after 10 warm-up pairs. Each call goes
through the operations service (access check, audit line) to libvirt. Answers "busy" (503, the endpoint's CPU budget)
are asked again and not timed: $BUSY in this run.

| pairs | median per pair | DefineSystem | DestroySystem | p90 per pair |
|---|---|---|---|---|
| $PAIRS | ${PAIR_MS} ms | ${DEFINE_MS} ms | ${DESTROY_MS} ms | ${P90_MS} ms |
MD
write_section cim-vsms "$section"
