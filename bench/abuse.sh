#!/usr/bin/env bash
# Load-and-abuse suite (issue 9): starts the agent with every view on, watching a test node of DOMAINS domains served
# by libvirtd (test+unix://), plus a second agent serving metrics, Jolokia and CIM over TLS (10-domain node) for the
# half-handshake probe; runs bench/Abuse.java's probes against them on loopback and prints the figures. A full run of
# every probe writes the "abuse" section of docs/benchmarks.md.
#   bench/abuse.sh [--quick] [--no-doc] [PROBE...]     PROBE: bigbody stall load jmx guess (default: all, this order)
# A full run takes 4-5 minutes. --quick is a smoke run (50 stalled connections per view, all views at once; 3 s body
# timeout; 10 s of load; 10 s of guessing): about 1.5 minutes, 3 with today's agent (timeouts, restarts); it never
# writes the doc. An agent that a probe leaves dead or unresponsive is restarted before the next one (and noted).
# Environment:
#   AGENT_CMD    command running the agent (default: bin/virtmx, the launcher with the shipped JVM settings;
#                split on spaces)
#   AGENT_ARGS   extra agent options for both agents, e.g. hardening timeouts (default: none)
#   STALL_TIMEOUT  seconds within which the agent must close a stalled connection (default: 30, the agent's
#                  default --http-idle-timeout; a half request or half handshake is closed after --http-header-timeout, 10)
#   DOMAINS      domains of the main test node (default: 1000)
#   ABUSE_ARGS   extra options for Abuse.java, e.g. "--load-secs 30 --guessers 4" (see its Options)
#   AUDIT_FILE   where the agent writes its audit lines (default: the main agent's stderr)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

# Audit lines counted by the guess probe; the audit format is still being designed, so match loosely.
AUDIT_FAILED_RE=${AUDIT_FAILED_RE:-'(?i)(login|auth\w*).*fail|fail.*(login|auth\w*)'}
AUDIT_LOCKED_RE=${AUDIT_LOCKED_RE:-'(?i)(login|auth\w*|user).*lock|lock.*(login|auth\w*|user)'}

QUICK='' NO_DOC='' PROBES=()
for arg in "$@"; do
  case $arg in
    --quick) QUICK=--quick ;;
    --no-doc) NO_DOC=1 ;;
    bigbody|stall|load|jmx|guess) PROBES+=("$arg") ;;
    *) echo "usage: bench/abuse.sh [--quick] [--no-doc] [bigbody|stall|load|jmx|guess]..." >&2; exit 2 ;;
  esac
done
[ ${#PROBES[@]} -gt 0 ] || PROBES=(bigbody stall load jmx guess)
DOMAINS=${DOMAINS:-1000}
STALL_TIMEOUT=${STALL_TIMEOUT:-30}
if [ -z "${AGENT_CMD:-}" ]; then
  AGENT_CMD="bin/virtmx"
  [ -f target/virtmx.jar ] || mvn -q -B -o package -DskipTests -DskipITs
fi
AGENT_ARGS=${AGENT_ARGS:-}

WORK=$(mktemp -d /tmp/virtmx-abuse.XXXXXX)
RESULTS=$OUT/abuse   # probe outputs and agent logs of the last run
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
declare -A PID
cleanup() {
  for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
  for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null || true; done
  cp "$WORK"/*.log "$RESULTS"/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Users (an operator and a viewer) and a self-signed key store for the TLS ports.
OP_PW=op-$RANDOM$RANDOM VIEW_PW=view-$RANDOM$RANDOM
echo "$OP_PW" | $AGENT_CMD user add op --role operator --users "$WORK/users" >/dev/null
echo "$VIEW_PW" | $AGENT_CMD user add view --role viewer --users "$WORK/users" >/dev/null
head -c 18 /dev/urandom | base64 > "$WORK/tls.pw"
keytool -genkeypair -alias virtmx -keyalg EC -groupname secp256r1 -validity 2 -dname CN=localhost \
  -ext SAN=ip:127.0.0.1,dns:localhost -storetype PKCS12 -keystore "$WORK/tls.p12" \
  -storepass "$(cat "$WORK/tls.pw")" 2>/dev/null

NODE=$(test_node "$DOMAINS")
SMALL_NODE=$(test_node 10)
virsh -c test+unix://"$NODE" list >/dev/null   # libvirtd must be running (it serves test+unix://)
MP=$(free_port) JP=$(free_port) CP=$(free_port) XP=$(free_port) MSP=$(free_port) JSP=$(free_port) CSP=$(free_port)
# Agent "main": every view in plain HTTP plus remote JMX, on the big node. Agent "tls": the HTTP views over TLS.
MAIN_ARGS=(--connect "test+unix://$NODE" --users "$WORK/users" --metrics-port "$MP" --jolokia-port "$JP"
  --cim --cim-port "$CP" --jmx --jmx-port "$XP")
TLS_ARGS=(--connect "test+unix://$SMALL_NODE" --interval 60s --users "$WORK/users"
  --metrics-port "$MSP" --metrics-tls-keystore "$WORK/tls.p12" --metrics-tls-password-file "$WORK/tls.pw"
  --jolokia-port "$JSP" --jolokia-tls-keystore "$WORK/tls.p12" --jolokia-tls-password-file "$WORK/tls.pw"
  --cim --cim-port 0 --cim-https-port "$CSP" --cim-tls-keystore "$WORK/tls.p12" --cim-tls-password-file "$WORK/tls.pw")
NOTES=()

# start_agent NAME ARGS...: runs the agent in the background, stdout and stderr appended to $WORK/NAME.log.
start_agent() {
  local name=$1; shift
  local before; before=$(grep -c 'virtmx started' "$WORK/$name.log" 2>/dev/null || true)
  # shellcheck disable=SC2086  # AGENT_CMD and AGENT_ARGS are word lists
  $AGENT_CMD "$@" $AGENT_ARGS >>"$WORK/$name.log" 2>&1 </dev/null &
  PID[$name]=$!
  for _ in $(seq 1 240); do
    [ "$(grep -c 'virtmx started' "$WORK/$name.log")" -gt "${before:-0}" ] && return 0
    kill -0 "${PID[$name]}" 2>/dev/null || break
    sleep 0.25
  done
  echo "agent $name did not start:" >&2; tail -20 "$WORK/$name.log" >&2; exit 1
}

# Waits until the main agent's /metrics lists every domain (its first collection is published).
wait_collected() {
  local n=0
  for _ in $(seq 1 240); do
    n=$(curl -s -m 10 -u "view:$VIEW_PW" "http://127.0.0.1:$MP/metrics" | grep -c '^libvirt_domain_state_code{' || true)
    [ "$n" -ge "$DOMAINS" ] && return 0
    sleep 0.5
  done
  echo "main agent lists $n of $DOMAINS domains after 2 minutes" >&2; exit 1
}

start_main() { start_agent main "${MAIN_ARGS[@]}"; wait_collected; }
start_tls() { start_agent tls "${TLS_ARGS[@]}"; }

# Before each probe: restarts an agent that a previous probe left dead or unresponsive (a view not answering a normal
# request within 5 s), so that each probe measures something; the restart is noted in the results.
restart_agent() {
  local name=$1 why=$2 probe=$3
  NOTES+=("the $name agent was $why before probe $probe (see bench/out/abuse/$name.log) and was restarted")
  echo "!! $name agent $why; restarting it" >&2
  kill "${PID[$name]}" 2>/dev/null || true
  wait "${PID[$name]}" 2>/dev/null || true
  echo "---- restarted before probe $probe ----" >>"$WORK/$name.log"
  if [ "$name" = main ]; then start_main; else start_tls; fi
}
ensure_agents() {
  local probe=$1 sick name
  sick=$(java -cp "$WORK/classes" Abuse health "${OPTIONS[@]}" 2>&1 || true)
  for name in main tls; do
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then
      restart_agent "$name" "dead" "$probe"
    elif [[ " $sick " == *" $name "* ]]; then
      restart_agent "$name" "unresponsive" "$probe"
    fi
  done
}

javac -d "$WORK/classes" bench/Abuse.java
start_main
start_tls
JVM_FLAGS=$(jcmd "${PID[main]}" VM.flags 2>/dev/null | grep -- '-XX' || echo n/a)
OPTIONS=(--metrics "http://127.0.0.1:$MP/metrics" --metrics-tls "https://127.0.0.1:$MSP/metrics"
  --jolokia "http://127.0.0.1:$JP/jolokia" --jolokia-tls "https://127.0.0.1:$JSP/jolokia"
  --cim "http://127.0.0.1:$CP/cimom" --cim-tls "https://127.0.0.1:$CSP/cimom"
  --jmx "service:jmx:rmi:///jndi/rmi://127.0.0.1:$XP/jmxrmi"
  --viewer "view:$VIEW_PW" --operator "op:$OP_PW" --truststore "$WORK/tls.p12" --truststore-password-file "$WORK/tls.pw"
  --agent-log "$WORK/main.log" --audit "${AUDIT_FILE:-$WORK/main.log}"
  --audit-failed "$AUDIT_FAILED_RE" --audit-locked "$AUDIT_LOCKED_RE"
  --dump-dir "$WORK" --stall-timeout "$STALL_TIMEOUT")

FAILED=()
for probe in "${PROBES[@]}"; do
  ensure_agents "$probe"
  # shellcheck disable=SC2086  # ABUSE_ARGS is a word list
  # The clients run at nice 10, as the agent's request threads do: on this one machine their own CPU use
  # (which remote clients would spend elsewhere) competes with the server on equal terms, not ahead of it.
  if ! nice -n "${CLIENT_NICE:-10}" java -cp "$WORK/classes" Abuse "$probe" "${OPTIONS[@]}" --pid "${PID[main]}" $QUICK ${ABUSE_ARGS:-} \
      | tee "$RESULTS/$probe.txt"; then
    FAILED+=("$probe")
  fi
done
for note in "${NOTES[@]}"; do echo "note: $note"; done
echo "failed probes: ${FAILED[*]:-none} (outputs and agent logs in bench/out/abuse/)"

if [ -z "$QUICK" ] && [ -z "$NO_DOC" ] && [ ${#PROBES[@]} -eq 5 ]; then
  section=$WORK/section.md
  SHOWN_CMD=$(echo "$AGENT_CMD ${MAIN_ARGS[*]} $AGENT_ARGS" \
    | sed "s|$WORK|\$WORK|g; s|$ROOT/||g; s/-port [0-9]*/-port PORT/g; s/ *$//")
  {
    cat <<MD
## Load and abuse (issue 9)

\`bench/abuse.sh\`, run $(date -u +%Y-%m-%d) on $(nproc) shared CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB memory,
$(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg) at the end. Main agent:
\`$SHOWN_CMD\` (every view in plain HTTP, remote JMX; $DOMAINS test-driver domains
through libvirtd); JVM flags in effect: \`$JVM_FLAGS\`. TLS agent, for the half-handshake probe: same command
with metrics, Jolokia and CIM over TLS (10 domains).
Clients are \`bench/Abuse.java\` (raw sockets, one connection per request) on loopback, at nice 10 like the agent's
request threads (their own CPU use, which remote clients would spend elsewhere, competes on equal terms); stalled connections count as
closed when a read returns EOF or reset, and unread answers when the server's side of the socket leaves ESTABLISHED
(\`/proc/net/tcp\`). Stall timeout judged: $STALL_TIMEOUT s (+2 s slack).

| probe | target | result |
|---|---|---|
MD
    for probe in "${PROBES[@]}"; do
      line=$(grep '^RESULT' "$RESULTS/$probe.txt" | tail -1 | sed 's/^RESULT [a-z]* //')
      case $probe in
        bigbody) target="1 GB body, no credentials: 401/413; with: 413; in ≤ 1 s, ≤ 32 MB sent, RSS +16 MB" ;;
        stall) target="200 stalled connections per view: normal requests p99 ≤ 1 s; all closed within the timeout" ;;
        load) target="20 clients × 60 s, mixed views: no errors but deliberate 503/429, /metrics p99 ≤ 1 s, collection ≤ 1.5× idle, RSS ≤ 512 MB" ;;
        jmx) target="operator: no MLet, DiagnosticCommand, dumpHeap; viewer: no SystemProperties, InputArguments" ;;
        guess) target="8 guessers × 60 s: the real user's Jolokia reads p99 ≤ 100 ms" ;;
      esac
      echo "| $probe | $target | ${line:-no result} |"
    done
    echo
    for note in "${NOTES[@]}"; do echo "Note: $note."; done
    echo
    echo '```'
    for probe in "${PROBES[@]}"; do cat "$RESULTS/$probe.txt"; done
    echo '```'
  } > "$section"
  write_section abuse "$section"
  echo "wrote the abuse section of docs/benchmarks.md"
fi
[ ${#FAILED[@]} -eq 0 ]
