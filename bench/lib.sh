# Shared helpers for the benchmark scripts: build, classpath, test node, libvirtd, Markdown sections.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/out
mkdir -p "$OUT"

build() {
  (cd "$ROOT" && mvn -q -B package -DskipTests -DskipITs && mvn -q -B test-compile \
    && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test)
}

test_classpath() {
  echo "$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$OUT/classpath.txt")"
}

# test_node N -> absolute path of a generated test-driver node with N domains (2 disks, 1 NIC each)
test_node() {
  local file=$OUT/node-$1.xml
  [ -s "$file" ] || java "$ROOT/src/test/java/io/virtmx/testbed/TestNodeGenerator.java" "$1" "$file" >/dev/null
  echo "$file"
}

ensure_libvirtd() {
  bash "$ROOT/.ci/setup" >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

# wait_http URL [SECONDS=20]
wait_http() {
  for _ in $(seq 1 $((${2:-20} * 5))); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "no answer from $1" >&2; return 1
}

# write_section NAME FILE: replaces the section between <!-- NAME:begin --> and <!-- NAME:end --> in
# docs/benchmarks.md with FILE's content (appends the section when missing).
write_section() {
  local name=$1 body=$2 doc=$ROOT/docs/benchmarks.md
  [ -f "$doc" ] || printf '# Benchmarks\n\nEach section is written by the script it names; rerun it to refresh.\n' > "$doc"
  if grep -q "<!-- $name:begin -->" "$doc"; then
    awk -v name="$name" -v body="$body" '
      $0 == "<!-- " name ":begin -->" { print; while ((getline line < body) > 0) print line; skip = 1; next }
      $0 == "<!-- " name ":end -->" { skip = 0 }
      !skip { print }' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  else
    { echo; echo "<!-- $name:begin -->"; cat "$body"; echo "<!-- $name:end -->"; } >> "$doc"
  fi
}
