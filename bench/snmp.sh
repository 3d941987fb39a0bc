#!/usr/bin/env bash
# Benchmark of the SNMP view (issue 16): net-snmp's snmpbulkwalk (SNMPv3 authPriv, SHA-256/AES) of VM-MIB's
# vmTable and of LIBVIRT-MIB's libvirtGuestTable for N test-driver domains served by libvirtd
# (test+unix://), median and p90 of WALKS walks each, and the agent's CPU time for them (utime + stime
# from /proc/PID/stat before and after). Writes the "snmp" section of docs/benchmarks.md.
# Usage: bench/snmp.sh [DOMAINS=1000] [WALKS=10] ["MAX_REPETITIONS..."="10 50"]  (10 is snmpbulkwalk's default)
#        (build first: mvn -q -B -o package -DskipTests -DskipITs)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
N=${1:-1000}
WALKS=${2:-10}
REPS_LIST=${3:-10 50}
WORK=$(mktemp -d /tmp/virtmx-snmp-bench.XXXXXX)
AGENT=
trap '[ -n "$AGENT" ] && { kill "$AGENT" 2>/dev/null; wait "$AGENT" 2>/dev/null; }; rm -rf "$WORK"' EXIT

VM_TABLE=.1.3.6.1.2.1.236.1.4
GUEST_TABLE=.1.3.6.1.4.1.36957.1.1
VM_NAME=.1.3.6.1.2.1.236.1.4.1.2
GUEST_NAME=.1.3.6.1.4.1.36957.1.1.1.2

[ -f target/virtmx.jar ] || mvn -q -B -o package -DskipTests -DskipITs
NODE=$(test_node "$N")
URI=test+unix://$NODE
virsh -c "$URI" list >/dev/null   # libvirtd serves test+unix://

printf 'bench viewer bench-auth-pass bench-priv-pass\n' >"$WORK/users"
chmod 600 "$WORK/users"
PORT=$(free_port)
# One collection (--interval 1h): the CPU measured is the SNMP view answering, not collecting.
java ${JAVA_OPTS:-} -jar target/virtmx.jar --connect "$URI" --interval 1h --no-metrics --no-jolokia \
  --snmp --snmp-port "$PORT" --snmp-users "$WORK/users" --snmp-state-dir "$WORK/state" \
  >"$WORK/agent.log" 2>&1 &
AGENT=$!

REPS=10
walk() {  # walk OID -> number of varbinds on stdout (REPS max-repetitions)
  snmpbulkwalk -v3 -l authPriv -u bench -a SHA-256 -A bench-auth-pass -x AES -X bench-priv-pass \
    -On -Cr"$REPS" -t 10 -r 0 "udp:127.0.0.1:$PORT" "$1" 2>/dev/null | wc -l
}
ticks() { awk '{print $14 + $15}' "/proc/$AGENT/stat"; }
ms_stats() {  # ms_stats FILE -> "median p90" in ms
  sort -n "$1" | awk '{t[NR] = $1 * 1000} END {m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
    printf "%.0f %.0f\n", m, t[int(NR * 0.9 + 0.5)]}'
}

for _ in $(seq 1 240); do
  [ "$(walk "$GUEST_NAME")" -ge "$N" ] && [ "$(walk "$VM_NAME")" -ge "$N" ] && break
  kill -0 "$AGENT" || { cat "$WORK/agent.log" >&2; exit 1; }
  sleep 0.5
done
[ "$(walk "$GUEST_NAME")" -eq "$N" ] || { echo "libvirtGuestTable does not list $N domains" >&2; exit 1; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
HZ=$(getconf CLK_TCK)
ROWS=$WORK/rows.md
: >"$ROWS"
for REPS in $REPS_LIST; do
for table in vmTable libvirtGuestTable; do
  oid=$VM_TABLE; [ "$table" = libvirtGuestTable ] && oid=$GUEST_TABLE
  for _ in 1 2 3; do walk "$oid" >/dev/null; done   # warm-up (JIT)
  : >"$WORK/times"
  before=$(ticks)
  for _ in $(seq 1 "$WALKS"); do
    t0=$(date +%s.%N)
    varbinds=$(walk "$oid")
    echo "$(date +%s.%N) $t0" | awk '{printf "%.4f\n", $1 - $2}' >>"$WORK/times"
  done
  after=$(ticks)
  read -r median p90 < <(ms_stats "$WORK/times")
  cpu=$(awk -v t=$((after - before)) -v hz="$HZ" -v w="$WALKS" 'BEGIN {printf "%.0f", t * 1000 / hz / w}')
  echo "$table -Cr$REPS, $N domains: $varbinds varbinds, median $median ms, p90 $p90 ms, agent CPU $cpu ms per walk"
  met=yes; [ "$median" -le 500 ] || met=NO
  echo "| $table | $REPS | $varbinds | $median ms | $p90 ms | $cpu ms | $met |" >>"$ROWS"
done
done

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
section=$WORK/section.md
cat >"$section" <<MD
## SNMP view (issue 16)

\`bench/snmp.sh $N $WALKS "$REPS_LIST"\` on $(nproc) cores ($(date -u +%Y-%m-%d)): \`snmpbulkwalk -v3 -l authPriv\` (SHA-256,
AES-128, numeric OIDs; max-repetitions \`-Cr\` as listed, 10 being snmpbulkwalk's default) of each table for $N test-driver
domains served by libvirtd (\`test+unix://\` node from TestNodeGenerator), $WALKS walks after 3 warm-up ones, one at a time
over UDP on loopback. The agent runs the shaded jar with the SNMP view, one collection (\`--interval 1h\`), so its
CPU time (utime + stime of all its threads from /proc/PID/stat around the $WALKS walks, divided by $WALKS) is the view
answering; the walk's wall time also holds snmpbulkwalk's own CPU on the same cores. Load averages (1, 5, 15 min)
before the timed walks: $LOAD_BEFORE; after: $LOAD_AFTER.

| table | -Cr | varbinds per walk | median | p90 | agent CPU per walk | median <= 500 ms |
|---|---|---|---|---|---|---|
MD
cat "$ROWS" >>"$section"
write_section snmp "$section"
