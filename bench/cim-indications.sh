#!/usr/bin/env bash
# Benchmark of CIM indication delivery: latency from libvirt's lifecycle event to a CIM-XML listener, for N
# suspend/resume events of an OS-less QEMU domain of our own (vmx-cim-bench-PID) on qemu:///system. The
# listener (python3, on loopback) takes each ExportIndication and records its arrival time minus the
# indication's IndicationTime (the time libvirt's event reached the agent, same clock). Prints the median and
# p99 and writes the "CIM indications" section of docs/benchmarks.md.
# Usage: bench/cim-indications.sh [EVENTS]   (build first: mvn -q -B -o package -DskipITs; needs root for qemu:///system)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
N=${1:-200}
PORT=$(free_port)
LPORT=$(free_port)
VM=vmx-cim-bench-$$
WORK=$(mktemp -d)
cleanup() {
  kill "$AGENT" "$LISTENER" 2>/dev/null || true
  virsh -c qemu:///system destroy "$VM" >/dev/null 2>&1 || true
  virsh -c qemu:///system undefine "$VM" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cat >"$WORK/vm.xml" <<XML
<domain type='qemu'><name>$VM</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>
<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><serial type='pty'/></devices></domain>
XML
virsh -c qemu:///system define "$WORK/vm.xml" >/dev/null
virsh -c qemu:///system start "$VM" >/dev/null

cat >"$WORK/listener.py" <<'PY'
import datetime, http.server, re, sys, time
out = open(sys.argv[2], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        now = time.time()
        t = re.search(r'NAME="IndicationTime" TYPE="datetime"><VALUE>(\d{14}\.\d{6})', body).group(1)
        sent = datetime.datetime.strptime(t, "%Y%m%d%H%M%S.%f").replace(tzinfo=datetime.timezone.utc).timestamp()
        if sys.argv[3] in body:
            out.write("%.3f\n" % ((now - sent) * 1000))
        reply = b'<?xml version="1.0" encoding="utf-8"?><CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLEEXPRSP><EXPMETHODRESPONSE NAME="ExportIndication"><IRETURNVALUE/></EXPMETHODRESPONSE></SIMPLEEXPRSP></MESSAGE></CIM>'
        self.send_response(200)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("CIMExport", "MethodResponse")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
: >"$WORK/latencies"
python3 "$WORK/listener.py" "$LPORT" "$WORK/latencies" "$VM" &
LISTENER=$!

echo bench-password | java -jar target/virtmx.jar user add bench --role operator --users "$WORK/users" >/dev/null
java -jar target/virtmx.jar --connect qemu:///system --no-metrics --no-jolokia --no-jmx --cim --cim-port "$PORT" \
  --users "$WORK/users" --interval 60s >"$WORK/agent.log" 2>&1 &
AGENT=$!

create() { # create CLASS PROPERTIES-XML
  curl -s -u bench:bench-password "http://127.0.0.1:$PORT/cimom" -H 'Content-Type: application/xml; charset=utf-8' \
    -H 'CIMOperation: MethodCall' -H 'CIMMethod: CreateInstance' -H 'CIMObject: root%2Finterop' --data-binary @- <<XML
<?xml version="1.0" encoding="utf-8" ?><CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0">
<SIMPLEREQ><IMETHODCALL NAME="CreateInstance"><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="interop"/>
</LOCALNAMESPACEPATH><IPARAMVALUE NAME="NewInstance"><INSTANCE CLASSNAME="$1">$2</INSTANCE></IPARAMVALUE>
</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>
XML
}
ref() { # ref CLASS NAME
  echo "<VALUE.REFERENCE><INSTANCENAME CLASSNAME=\"$1\"><KEYBINDING NAME=\"Name\"><KEYVALUE>$2</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE>"
}
for _ in $(seq 1 300); do
  create CIM_IndicationFilter '<PROPERTY NAME="Name" TYPE="string"><VALUE>bench</VALUE></PROPERTY>
<PROPERTY NAME="Query" TYPE="string"><VALUE>SELECT * FROM KVM_ComputerSystemModifiedIndication</VALUE></PROPERTY>' \
    >"$WORK/create.xml" 2>/dev/null && grep -q INSTANCENAME "$WORK/create.xml" && break
  sleep 0.2
done
grep -q INSTANCENAME "$WORK/create.xml" || { echo "the agent did not create the filter" >&2; cat "$WORK/agent.log" >&2; exit 1; }
create CIM_ListenerDestinationCIMXML "<PROPERTY NAME=\"Name\" TYPE=\"string\"><VALUE>bench</VALUE></PROPERTY>
<PROPERTY NAME=\"Destination\" TYPE=\"string\"><VALUE>http://127.0.0.1:$LPORT</VALUE></PROPERTY>" >/dev/null
create CIM_IndicationSubscription "<PROPERTY.REFERENCE NAME=\"Filter\" REFERENCECLASS=\"CIM_IndicationFilter\">$(ref CIM_IndicationFilter bench)</PROPERTY.REFERENCE>
<PROPERTY.REFERENCE NAME=\"Handler\" REFERENCECLASS=\"CIM_ListenerDestinationCIMXML\">$(ref CIM_ListenerDestinationCIMXML bench)</PROPERTY.REFERENCE>" \
  | grep -q INSTANCENAME || { echo "the agent did not create the subscription" >&2; exit 1; }

for i in $(seq 1 "$N"); do
  if (( i % 2 )); then cmd=suspend; else cmd=resume; fi
  virsh -c qemu:///system "$cmd" "$VM" >/dev/null
  for _ in $(seq 1 500); do [ "$(wc -l <"$WORK/latencies")" -ge "$i" ] && break; sleep 0.01; done
  [ "$(wc -l <"$WORK/latencies")" -ge "$i" ] || { echo "no indication for event $i" >&2; exit 1; }
done
GOT=$(wc -l <"$WORK/latencies")
MEDIAN_MS=$(sort -n "$WORK/latencies" | awk '{ t[NR] = $1 } END { printf "%.1f", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
P99_MS=$(sort -n "$WORK/latencies" | awk '{ t[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", t[i] }')
MAX_MS=$(sort -n "$WORK/latencies" | tail -1)
echo "CIM indications, $GOT events: median ${MEDIAN_MS} ms, p99 ${P99_MS} ms, max ${MAX_MS} ms"

section=$WORK/section.md
cat >"$section" <<MD
## CIM indications: libvirt event to listener (issue 15)

\`bench/cim-indications.sh $N\` on $(nproc) cores ($(date -u +%Y-%m-%d)), shared with other work: $N suspend/resume
events of an OS-less QEMU (TCG) domain on qemu:///system, one at a time; a python3 CIM-XML listener on loopback,
subscribed with \`SELECT * FROM KVM_ComputerSystemModifiedIndication\`, takes each ExportIndication and records
its arrival time minus the indication's IndicationTime (when libvirt's event reached the agent; same clock).

| events | median | p99 | max | target |
|---|---|---|---|---|
| $GOT | ${MEDIAN_MS} ms | ${P99_MS} ms | ${MAX_MS} ms | median <= 50 ms, p99 <= 200 ms |
MD
write_section cim-indications "$section"
