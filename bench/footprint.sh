#!/usr/bin/env bash
# Footprint of the agent as shipped (issue 12): RSS of bin/virtmx (the launcher with the package's JVM
# settings, every default view on: metrics, Jolokia, local JMX) vs prometheus-libvirt-exporter on the same
# test node of DOMAINS domains served by libvirtd (test+unix://), in one run; RSS on test:///default;
# `virtmx --once` wall time; time to the first complete snapshot; an RSS curve sampled every minute over
# DURATION of collection and scraping. Writes the "footprint" section of docs/benchmarks.md.
#   bench/footprint.sh [DOMAINS=1000] [SCRAPES=5]
# Environment:
#   DURATION  length of the RSS curve (default 30m; 0 skips it and reuses bench/out/footprint-curve.tsv
#             from an earlier run, if any, saying so)
#   PHASES    what to run (default "rss once curve"); "curve" alone only records the curve file
#   SCRAPE_EVERY  seconds between scrapes during the curve (default 15, a usual Prometheus interval)
#   JAVA_OPTS passed to the launcher (adds to / overrides its JVM settings), e.g. to compare settings
#   VIRTMX_CDS  off runs without the launcher's class-data sharing archives; by default the run starts
#             with none (a fresh VIRTMX_CDS_DIR), times the first --once (which writes its archive),
#             starts and stops the agent once on test:///default (which writes the agent's) and
#             measures everything else with them, as a host does from its second start on
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DOMAINS=${1:-1000}
SCRAPES=${2:-5}
DURATION=${DURATION:-30m}
PHASES=${PHASES:-rss once curve}
SCRAPE_EVERY=${SCRAPE_EVERY:-15}
LAUNCHER=${LAUNCHER:-bin/virtmx}
WORK=$(mktemp -d /tmp/virtmx-footprint.XXXXXX)
export VIRTMX_CDS_DIR=$WORK/cds
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }
kib() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }       # kib PID VmRSS -> KiB
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k/1024}'; }
seconds() { case $1 in *m) echo $((${1%m} * 60));; *s) echo "${1%s}";; *) echo "$1";; esac; }
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
has() { case " $PHASES " in *" $1 "*) return 0;; esac; return 1; }

[ -f target/virtmx.jar ] || mvn -q -B -o package -DskipTests -DskipITs
NODE=$(test_node "$DOMAINS")
virsh -c test+unix://"$NODE" list >/dev/null   # libvirtd must be running (it serves test+unix://)
URI=test+unix://$NODE

# start_agent URI LOG -> sets AGENT_PID, AGENT_PORT, AGENT_T0 (launch time); every default view on.
start_agent() {
  AGENT_PORT=$(free_port)
  AGENT_T0=$(now)
  "$LAUNCHER" --connect "$1" --metrics-port "$AGENT_PORT" --jolokia-port "$(free_port)" >"$2" 2>&1 &
  AGENT_PID=$!
  PIDS+=("$AGENT_PID")
}
# wait_complete PORT N -> seconds from AGENT_T0 until /metrics lists N domains (the first complete snapshot)
wait_complete() {
  for _ in $(seq 1 600); do
    n=$(curl -s "http://127.0.0.1:$1/metrics" 2>/dev/null | grep -c '^libvirt_domain_state_code{' || true)
    if [ "${n:-0}" -ge "$2" ]; then awk -v a="$AGENT_T0" -v b="$(now)" 'BEGIN {printf "%.2f", b-a}'; return 0; fi
    sleep 0.05
  done
  echo "no complete snapshot on port $1" >&2; return 1
}
# scrapes URL COUNT PAUSE -> number of failed scrapes (HTTP status other than 200) on stdout
scrapes() {
  local bad=0 code
  for i in $(seq 1 "$2"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$1" || echo 000)
    [ "$code" = 200 ] || bad=$((bad + 1))
    [ "$i" -lt "$2" ] && sleep "$3"
  done
  echo "$bad"
}
collection_s() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^virtmx_collection_duration_seconds[{ ]/ {print $NF; exit}'; }

ONCE_FIRST=-
if [ "${VIRTMX_CDS:-on}" != off ] && { has rss || has once; }; then
  # 0. The launcher's class-data sharing archives, as on a host after its first start: the first --once
  #    writes the --once archive (timed), an agent started and stopped writes the agent's.
  t0=$(now)
  "$LAUNCHER" --once >/dev/null
  ONCE_FIRST=$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.2f", b-a}')
  start_agent test:///default "$WORK/agent-cds.log"
  wait_complete "$AGENT_PORT" 1 >/dev/null
  stop "$AGENT_PID"
  CDS_FILES=$(cd "$VIRTMX_CDS_DIR" && ls -s --block-size=M -- *.jsa* 2>/dev/null | awk '{sub(/-[0-9-]*\.jsa.*/, "", $2); printf "%s%s %s", sep, $2, $1; sep=", "}' || true)
  echo "cds: first --once ${ONCE_FIRST}s; archives: $CDS_FILES" >&2
fi

if has rss; then
  # 1. The exporter on the node: SCRAPES scrapes, one after the other (each takes seconds).
  EXP_PORT=$(free_port)
  prometheus-libvirt-exporter --web.listen-address=127.0.0.1:$EXP_PORT --libvirt.uri="$URI" >"$WORK/exporter.log" 2>&1 &
  EXP_PID=$!
  PIDS+=("$EXP_PID")
  wait_http "http://127.0.0.1:$EXP_PORT/metrics"
  EXP_BAD=$(scrapes "http://127.0.0.1:$EXP_PORT/metrics" "$SCRAPES" 10)
  EXP_RSS=$(kib "$EXP_PID" VmRSS)
  EXP_HWM=$(kib "$EXP_PID" VmHWM)
  stop "$EXP_PID"

  # 2. The agent on the same node: first complete snapshot, then SCRAPES scrapes 10 s apart (one collection
  #    every 10 s meanwhile), then its RSS.
  start_agent "$URI" "$WORK/agent-$DOMAINS.log"
  FIRST=$(wait_complete "$AGENT_PORT" "$DOMAINS")
  sleep 10
  OUR_BAD=$(scrapes "http://127.0.0.1:$AGENT_PORT/metrics" "$SCRAPES" 10)
  OUR_RSS=$(kib "$AGENT_PID" VmRSS)
  OUR_HWM=$(kib "$AGENT_PID" VmHWM)
  OUR_THREADS=$(awk '$1 == "Threads:" {print $2}' "/proc/$AGENT_PID/status")
  OUR_COLL=$(collection_s "$AGENT_PORT" | awk '{printf "%.2f", $1}')
  CMDLINE=$(tr '\0' ' ' <"/proc/$AGENT_PID/cmdline" | sed 's/ -jar .*//; s/^[^ ]* //')
  ARENAS=$(tr '\0' '\n' <"/proc/$AGENT_PID/environ" | grep '^MALLOC_ARENA_MAX=' || echo 'MALLOC_ARENA_MAX unset')
  stop "$AGENT_PID"

  # 3. The agent on test:///default, the same scrapes.
  start_agent test:///default "$WORK/agent-default.log"
  FIRST_DEFAULT=$(wait_complete "$AGENT_PORT" 1)
  sleep 10
  DEF_BAD=$(scrapes "http://127.0.0.1:$AGENT_PORT/metrics" "$SCRAPES" 10)
  DEF_RSS=$(kib "$AGENT_PID" VmRSS)
  DEF_HWM=$(kib "$AGENT_PID" VmHWM)
  stop "$AGENT_PID"
  echo "rss: exporter $EXP_RSS KiB (hwm $EXP_HWM), agent $OUR_RSS KiB (hwm $OUR_HWM, $OUR_THREADS threads," \
    "collection ${OUR_COLL}s), default $DEF_RSS KiB (hwm $DEF_HWM); first snapshot ${FIRST}s," \
    "test:///default ${FIRST_DEFAULT}s; failed scrapes $EXP_BAD/$OUR_BAD/$DEF_BAD" >&2
fi

if has once; then
  # 4. `virtmx --once` on test:///default (collects twice, --sample 1s apart): wall time of 5 runs, after
  #    one untimed run (the launcher checks an archive a first run wrote once, with a JVM of its own, at
  #    the next start: a host's second start, not its usual one).
  "$LAUNCHER" --once >/dev/null
  ONCE_TIMES=()
  for _ in 1 2 3 4 5; do
    t0=$(now)
    "$LAUNCHER" --once >/dev/null
    ONCE_TIMES+=("$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.2f", b-a}')")
  done
  ONCE_MED=$(printf '%s\n' "${ONCE_TIMES[@]}" | median)
  echo "once: ${ONCE_TIMES[*]} (median $ONCE_MED s)" >&2
fi

CURVE=$OUT/footprint-curve.tsv
if has curve && [ "$(seconds "$DURATION")" -gt 0 ]; then
  # 5. The curve: the agent on the node for DURATION, scraped every SCRAPE_EVERY s, RSS every minute.
  start_agent "$URI" "$WORK/agent-curve.log"
  wait_complete "$AGENT_PORT" "$DOMAINS" >/dev/null
  end=$(($(date +%s) + $(seconds "$DURATION")))
  next=$(date +%s)
  minute=0 bad=0 total=0
  {
    echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $DOMAINS domains, scrape every ${SCRAPE_EVERY}s, DURATION=$DURATION," \
      "flags: $(tr '\0' ' ' <"/proc/$AGENT_PID/cmdline" | sed 's/ -jar .*//; s/^[^ ]* //')"
    echo -e "minute\trss_kib\thwm_kib\tfailed_scrapes\tscrapes"
  } >"$CURVE.tmp"
  while [ "$(date +%s)" -le "$end" ]; do
    if [ "$(date +%s)" -ge "$next" ]; then
      echo -e "$minute\t$(kib "$AGENT_PID" VmRSS)\t$(kib "$AGENT_PID" VmHWM)\t$bad\t$total" >>"$CURVE.tmp"
      minute=$((minute + 1)); next=$((next + 60))
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$AGENT_PORT/metrics" || echo 000)
    total=$((total + 1)); [ "$code" = 200 ] || bad=$((bad + 1))
    sleep "$SCRAPE_EVERY"
  done
  stop "$AGENT_PID"
  mv "$CURVE.tmp" "$CURVE"
  echo "curve: $CURVE" >&2
fi
has rss || exit 0

# The curve's summary: RSS at minute 5 (after warm-up), at the end, the largest after warm-up.
CURVE_MD="no curve recorded yet (run with DURATION=30m)"
if [ -s "$CURVE" ]; then
  CURVE_MD=$(awk -F'\t' '
    /^#/ { sub(/^# /, ""); head = $0; next }
    $1 == "minute" { next }
    { n++; m[n] = $1; r[n] = $2; h = $3; bad = $4; tot = $5 }
    END {
      w = (n > 6) ? 6 : 1; max = 0
      for (i = w; i <= n; i++) if (r[i] > max) max = r[i]
      printf "%s.\n\n", head
      s = (n > 12) ? 3 : 1; k = 0
      for (i = 1; i <= n; i += s) idx[++k] = i
      if (idx[k] != n) idx[++k] = n
      printf "| minute |"; for (j = 1; j <= k; j++) printf " %d |", m[idx[j]]; printf "\n|---|"
      for (j = 1; j <= k; j++) printf "---|"; printf "\n| RSS MiB |"
      for (j = 1; j <= k; j++) printf " %.1f |", r[idx[j]] / 1024; printf "\n\n"
      printf "After warm-up (minute %d on): %.1f MiB at minute %d, %.1f MiB at the end (%+.1f MiB), %.1f MiB at most; peak (VmHWM) %.1f MiB; %d of %d scrapes failed.", m[w], r[w] / 1024, m[w], r[n] / 1024, (r[n] - r[w]) / 1024, max / 1024, h / 1024, bad, tot
    }' "$CURVE")
fi
RATIO=$(awk -v a="$OUR_RSS" -v b="$EXP_RSS" 'BEGIN {printf "%.1f", a/b}')
HWM_RATIO=$(awk -v a="$OUR_HWM" -v b="$EXP_HWM" 'BEGIN {printf "%.1f", a/b}')
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "met" : "**not met**"}'; }

SECTION=$(cat <<MD
## Footprint: memory and start-up vs prometheus-libvirt-exporter (issue 12)

\`bench/footprint.sh $DOMAINS $SCRAPES\`, run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) shared CPUs (load average
$(cut -d' ' -f1-3 /proc/loadavg) at the end), $(java -version 2>&1 | head -1). The agent is started through the
launcher \`$LAUNCHER\` (the JVM settings of the package's \`/usr/bin/virtmx\`) with every default view on (Prometheus,
Jolokia, MBeans for local JMX): \`$CMDLINE\` with $ARENAS. Test node: $DOMAINS domains (2 disks + 1 NIC each)
served by libvirtd (\`test+unix://\`). Each process: $SCRAPES scrapes of \`/metrics\` 10 s apart (the agent collecting
every 10 s meanwhile, after its first complete snapshot), then VmRSS and VmHWM from \`/proc/PID/status\`.

| | prometheus-libvirt-exporter $(dpkg-query -W -f='${Version}' prometheus-libvirt-exporter 2>/dev/null || echo '?') | virtmx | ratio | target |
|---|---|---|---|---|
| RSS, $DOMAINS domains, after $SCRAPES scrapes | $(mib "$EXP_RSS") MiB | $(mib "$OUR_RSS") MiB | **${RATIO}x** | ≤ 128 MiB: $(verdict "$OUR_RSS" $((128 * 1024))) |
| peak RSS (VmHWM), same run | $(mib "$EXP_HWM") MiB | $(mib "$OUR_HWM") MiB | ${HWM_RATIO}x | |
| RSS on \`test:///default\`, after $SCRAPES scrapes | – | $(mib "$DEF_RSS") MiB (peak $(mib "$DEF_HWM") MiB) | | ≤ 96 MiB: $(verdict "$DEF_RSS" $((96 * 1024))) |
| first complete snapshot served, $DOMAINS domains (launch to a \`/metrics\` listing every domain) | – | $FIRST s | | ≤ 2 s: $(verdict "$FIRST" 2) |
| first snapshot served, \`test:///default\` | – | $FIRST_DEFAULT s | | |
| \`virtmx --once\` on \`test:///default\` (wall, with its 1 s sample; median of ${ONCE_TIMES[*]}) | – | ${ONCE_MED:-?} s | | ≤ 1.5 s: $(verdict "${ONCE_MED:-99}" 1.5) |
| the same, the very first run (no class-data sharing archive yet; it writes one) | – | $ONCE_FIRST s | | |

Failed scrapes: exporter $EXP_BAD, virtmx $OUR_BAD ($DOMAINS domains) and $DEF_BAD (\`test:///default\`) of $SCRAPES each.
The agent ran $OUR_THREADS threads; its last full collection of the node took ${OUR_COLL} s.
Class-data sharing archives the launcher wrote and used (\`VIRTMX_CDS=${VIRTMX_CDS:-on}\`): ${CDS_FILES:-none}.

### RSS over a long run

$CURVE_MD
MD
)
printf '%s\n' "$SECTION" >"$OUT/footprint-section.md"
write_section footprint "$OUT/footprint-section.md"
echo "$SECTION"
