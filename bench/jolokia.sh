#!/usr/bin/env bash
# Jolokia view benchmark: one bulk POST of N read requests (attribute State of every Domain MBean) against the agent
# watching the 1000-domain test node through libvirtd (test+unix://), authenticated as a viewer; REPS repetitions,
# median and p90 of curl's total time. Writes the "jolokia" section of docs/benchmarks.md.
#   bench/jolokia.sh [DOMAINS=1000] [REPS=50]
source "$(dirname "$0")/lib.sh"
DOMAINS=${1:-1000}
REPS=${2:-50}
WORK=$(mktemp -d /tmp/virtmx-jolokia-bench.XXXXXX)
AGENT_PID=
cleanup() { [ -n "$AGENT_PID" ] && kill "$AGENT_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

cd "$ROOT"
[ -f target/virtmx.jar ] || mvn -q -B -o package -DskipTests -DskipITs
NODE=$(test_node "$DOMAINS")
virsh -c test+unix://"$NODE" list >/dev/null   # libvirtd must be running (it serves test+unix://)
echo bench-secret | java -jar target/virtmx.jar user add bench --role viewer --users "$WORK/users" >/dev/null
PORT=$(free_port)
URL=http://127.0.0.1:$PORT/jolokia
java -jar target/virtmx.jar --connect test+unix://"$NODE" --interval 60s --users "$WORK/users" \
  --jolokia-port "$PORT" 2>"$WORK/agent.log" &
AGENT_PID=$!
for _ in $(seq 1 300); do
  n=$(curl -s -u bench:bench-secret "$URL/search/libvirt:type=Domain,*" | python3 -c \
    'import json,sys; print(len(json.load(sys.stdin)["value"]))' 2>/dev/null || echo 0)
  [ "$n" -ge "$DOMAINS" ] && break
  sleep 0.2
done
[ "$n" -ge "$DOMAINS" ] || { echo "only $n Domain MBeans after 60 s" >&2; cat "$WORK/agent.log" >&2; exit 1; }

curl -s -u bench:bench-secret "$URL/search/libvirt:type=Domain,*" | python3 -c '
import json, sys
names = json.load(sys.stdin)["value"]
print(json.dumps([{"type": "read", "mbean": n, "attribute": "State"} for n in names]))' > "$WORK/bulk.json"

post() {
  curl -s -u bench:bench-secret -H 'Content-Type: application/json' --data-binary @"$WORK/bulk.json" \
    -o "$WORK/reply.json" -w '%{time_total}\n' "$URL"
}
for _ in 1 2 3 4 5; do post >/dev/null; done   # warm-up: JIT, connection setup
LOAD=$(cut -d" " -f1 /proc/loadavg)
: > "$WORK/times"
for _ in $(seq 1 "$REPS"); do post >> "$WORK/times"; done
read -r OK TOTAL < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))
print(sum(1 for x in r if x["status"] == 200), len(r))' "$WORK/reply.json")
read -r MEDIAN P90 MAX < <(sort -n "$WORK/times" | awk '{t[NR]=$1*1000} END {
  printf "%.1f %.1f %.1f\n", (NR%2 ? t[(NR+1)/2] : (t[NR/2]+t[NR/2+1])/2), t[int(NR*0.9+0.999)], t[NR] }')
BYTES=$(stat -c %s "$WORK/reply.json")

cat > "$WORK/section.md" <<MD
## Jolokia view: bulk read of every Domain MBean (issue 5)

\`bench/jolokia.sh $DOMAINS $REPS\`, run $(date -u +%Y-%m-%d) on $(nproc) shared CPUs (load average $LOAD): the agent jar watching a
test node with $DOMAINS domains served by libvirtd (\`test+unix://\`); one HTTP POST to \`/jolokia\` holding $DOMAINS read requests
(attribute \`State\` of each Domain MBean), basic auth as a viewer, curl on loopback; $REPS timed runs after 5 warm-up
runs. The last reply had $OK of $TOTAL answers with status 200 and $BYTES bytes.

| | result | target |
|---|---|---|
| bulk read, $DOMAINS requests in one POST (curl total time) | $MEDIAN ms median, $P90 ms p90, $MAX ms max | ≤ 100 ms median |

Each read is checked by the role restrictor and served from the latest snapshot through the JMX view's MBeans
(no libvirt call); the users-file password check (PBKDF2) is paid once per minute per client, not per request.
MD
write_section jolokia "$WORK/section.md"
cat "$WORK/section.md"
