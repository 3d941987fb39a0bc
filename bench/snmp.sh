#!/usr/bin/env bash
# Benchmark of the SNMP view (issue 16): net-snmp's snmpbulkwalk (SNMPv3 authPriv, SHA-256/AES) of VM-MIB's
# vmTable and of LIBVIRT-MIB's libvirtGuestTable for N test-driver domains served by libvirtd
# (test+unix://), median and p90 of WALKS walks each, and the agent's CPU time for them (utime + stime
# from /proc/PID/stat before and after) and snmpbulkwalk's own (user + system, /usr/bin/time). Writes the "snmp"
# section of docs/benchmarks.md.
# Usage: [JARS="old.jar new.jar"] [NOTE="what the builds are"] bench/snmp.sh [DOMAINS=1000] [WALKS=10] ["MAX_REPETITIONS..."="10 50"]
#        (10 is snmpbulkwalk's default; build first: mvn -q -B -o package -DskipTests -DskipITs).
#        With several JARS, one agent per jar, and their walks take turns (same run, same load).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
N=${1:-1000}
WALKS=${2:-10}
REPS_LIST=${3:-10 50}
# Warm-up rounds (each table at each max-repetitions, every build) before any timed walk: on a loaded host C2
# compiles SNMP4J's request path for a dozen walks and more; fewer would count the JIT compiler's CPU as the agent's.
WARMUP=${WARMUP:-12}
WORK=$(mktemp -d /tmp/virtmx-snmp-bench.XXXXXX)
JARS=${JARS:-target/virtmx.jar}
PIDS=()
# every agent is stopped, whatever wait says (set -e would leave the later ones running)
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
      for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

VM_TABLE=.1.3.6.1.2.1.236.1.4
GUEST_TABLE=.1.3.6.1.4.1.36957.1.1
VM_NAME=.1.3.6.1.2.1.236.1.4.1.2
GUEST_NAME=.1.3.6.1.4.1.36957.1.1.1.2

[ "$JARS" != target/virtmx.jar ] || [ -f target/virtmx.jar ] || mvn -q -B -o package -DskipTests -DskipITs
NODE=$(test_node "$N")
URI=test+unix://$NODE
virsh -c "$URI" list >/dev/null   # libvirtd serves test+unix://

printf 'bench viewer bench-auth-pass bench-priv-pass\n' >"$WORK/users"
chmod 600 "$WORK/users"
PIDS=()
PORTS=()
LABELS=()
for jar in $JARS; do
  [ -f "$jar" ] || { echo "no $jar" >&2; exit 1; }
  port=$(free_port)
  n=${#PIDS[@]}
  # One collection (--interval 1h): the CPU measured is the SNMP view answering, not collecting.
  java ${JAVA_OPTS:-} -jar "$jar" --connect "$URI" --interval 1h --no-metrics --no-jolokia \
    --snmp --snmp-port "$port" --snmp-users "$WORK/users" --snmp-state-dir "$WORK/state-$n" \
    >"$WORK/agent-$n.log" 2>&1 &
  PIDS+=($!)
  PORTS+=("$port")
  LABELS+=("$(basename "$jar" .jar)")
done

REPS=10
walk() {  # walk PORT OID -> number of varbinds on stdout (REPS max-repetitions); client CPU in $WORK/client
  "${TIMER[@]}" snmpbulkwalk -v3 -l authPriv -u bench -a SHA-256 -A bench-auth-pass -x AES -X bench-priv-pass \
    -On -Cr"$REPS" -t 10 -r 0 "udp:127.0.0.1:$1" "$2" 2>/dev/null | wc -l
}
TIMER=()
[ -x /usr/bin/time ] && TIMER=(/usr/bin/time -o "$WORK/client" -f '%U %S')
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ms_stats() {  # ms_stats FILE -> "median p90" in ms
  sort -n "$1" | awk '{t[NR] = $1 * 1000} END {m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
    printf "%.0f %.0f\n", m, t[int(NR * 0.9 + 0.5)]}'
}

for k in "${!PIDS[@]}"; do
  for _ in $(seq 1 240); do
    [ "$(walk "${PORTS[$k]}" "$GUEST_NAME")" -ge "$N" ] && [ "$(walk "${PORTS[$k]}" "$VM_NAME")" -ge "$N" ] && break
    kill -0 "${PIDS[$k]}" || { cat "$WORK/agent-$k.log" >&2; exit 1; }
    sleep 0.5
  done
  [ "$(walk "${PORTS[$k]}" "$GUEST_NAME")" -eq "$N" ] || { echo "libvirtGuestTable does not list $N domains" >&2; exit 1; }
done

for _ in $(seq 1 "$WARMUP"); do
  for REPS in $REPS_LIST; do
    for k in "${!PIDS[@]}"; do
      walk "${PORTS[$k]}" "$VM_TABLE" >/dev/null
      walk "${PORTS[$k]}" "$GUEST_TABLE" >/dev/null
    done
  done
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
HZ=$(getconf CLK_TCK)
ROWS=$WORK/rows.md
: >"$ROWS"
for REPS in $REPS_LIST; do
for table in vmTable libvirtGuestTable; do
  oid=$VM_TABLE; [ "$table" = libvirtGuestTable ] && oid=$GUEST_TABLE
  for k in "${!PIDS[@]}"; do
    : >"$WORK/times-$k"; : >"$WORK/client-$k"; echo 0 >"$WORK/ticks-$k"
  done
  for _ in $(seq 1 "$WALKS"); do
    for k in "${!PIDS[@]}"; do   # the builds take turns, so they share the same load
      before=$(ticks "${PIDS[$k]}")
      t0=$(date +%s.%N)
      varbinds=$(walk "${PORTS[$k]}" "$oid")
      echo "$(date +%s.%N) $t0" | awk '{printf "%.4f\n", $1 - $2}' >>"$WORK/times-$k"
      echo $(($(cat "$WORK/ticks-$k") + $(ticks "${PIDS[$k]}") - before)) >"$WORK/ticks-$k"
      [ -s "$WORK/client" ] && cat "$WORK/client" >>"$WORK/client-$k"
    done
  done
  for k in "${!PIDS[@]}"; do
    read -r median p90 < <(ms_stats "$WORK/times-$k")
    cpu=$(awk -v t="$(cat "$WORK/ticks-$k")" -v hz="$HZ" -v w="$WALKS" 'BEGIN {printf "%.0f", t * 1000 / hz / w}')
    client=$(awk '{s += $1 + $2} END {if (NR) printf "%.0f ms", s * 1000 / NR; else print "?"}' "$WORK/client-$k")
    echo "${LABELS[$k]} $table -Cr$REPS, $N domains: $varbinds varbinds, median $median ms, p90 $p90 ms," \
      "agent CPU $cpu ms, snmpbulkwalk CPU $client per walk"
    met=yes; [ "$median" -le 500 ] || met=NO
    echo "| ${LABELS[$k]} | $table | $REPS | $varbinds | $median ms | $p90 ms | $cpu ms | $client | $met |" >>"$ROWS"
  done
done
done

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
section=$WORK/section.md
cat >"$section" <<MD
## SNMP view (issue 16)

\`JARS="$JARS" bench/snmp.sh $N $WALKS "$REPS_LIST"\` on $(nproc) cores ($(date -u +%Y-%m-%d)): \`snmpbulkwalk -v3 -l authPriv\` (SHA-256,
AES-128, numeric OIDs; max-repetitions \`-Cr\` as listed, 10 being snmpbulkwalk's default) of each table for $N test-driver
domains served by libvirtd (\`test+unix://\` node from TestNodeGenerator), $WALKS walks after $WARMUP warm-up rounds of every table and -Cr, one at a time
over UDP on loopback. Each build (column "build": the jar's name) runs as its own agent with the SNMP view and one
collection (\`--interval 1h\`), and with several builds their walks take turns, so they share the same load. An
agent's CPU time (utime + stime of all its threads from /proc/PID/stat around each of its walks, divided by $WALKS)
is the view answering; snmpbulkwalk's own CPU (user + system, /usr/bin/time) is the client's share of the wall time
on the same cores, and the floor no agent can go below. Load averages (1, 5, 15 min) before the timed walks:
$LOAD_BEFORE; after: $LOAD_AFTER.

| build | table | -Cr | varbinds per walk | median | p90 | agent CPU per walk | snmpbulkwalk CPU per walk | median <= 500 ms |
|---|---|---|---|---|---|---|---|---|
MD
cat "$ROWS" >>"$section"
[ -z "${NOTE:-}" ] || printf '\n%s\n' "$NOTE" >>"$section"   # what the builds are, said by whoever ran it
write_section snmp "$section"
