#!/usr/bin/env bash
# The Jolokia view with curl: version, a GET read, a POST read, a bulk read of several MBeans, and (with operator
# credentials) suspend and resume of a domain. Works as is against the quick-start agent
# (`java -jar target/virtmx.jar`: test driver, host "vm", domain "test", no users file, so reads only).
#
#   docs/examples/jolokia-curl.sh                                   # quick-start agent: reads; exec is refused (403)
#   JOLOKIA_USER=alice JOLOKIA_PASSWORD=secret HOST=hv1 DOMAIN=web01 docs/examples/jolokia-curl.sh
#
# Environment: JOLOKIA_URL (default http://127.0.0.1:8778/jolokia), JOLOKIA_USER and JOLOKIA_PASSWORD (basic auth,
# needed when the agent has a users file; an operator may exec), HOST and DOMAIN (default vm and test).
# Every response is one JSON line; Jolokia puts each request's own status (200, 403, 404, 500) in "status".
set -euo pipefail
URL=${JOLOKIA_URL:-http://127.0.0.1:8778/jolokia}
HOST=${HOST:-vm}
DOMAIN=${DOMAIN:-test}
MBEAN="libvirt:type=Domain,host=$HOST,name=$DOMAIN"
AUTH=()
if [ -n "${JOLOKIA_USER:-}" ]; then
  AUTH=(-u "$JOLOKIA_USER:${JOLOKIA_PASSWORD:-}")
fi
jolokia() { curl -sS --fail-with-body "${AUTH[@]}" "$@"; echo; }

echo "# version"
jolokia "$URL/version"

echo "# GET read: the domain's state (as virsh domstate prints it)"
jolokia "$URL/read/$MBEAN/State"

echo "# POST read: two attributes of the domain"
jolokia -H 'Content-Type: application/json' -d "{\"type\":\"read\",\"mbean\":\"$MBEAN\",\"attribute\":[\"State\",\"Vcpus\"]}" "$URL"

echo "# bulk read: the domain, its host and the JVM in one request"
jolokia -H 'Content-Type: application/json' -d "[
  {\"type\":\"read\",\"mbean\":\"$MBEAN\",\"attribute\":\"MaxMemoryKib\"},
  {\"type\":\"read\",\"mbean\":\"libvirt:type=Host,host=$HOST\",\"attribute\":\"LibvirtVersion\"},
  {\"type\":\"read\",\"mbean\":\"libvirt:type=Domain,host=$HOST,*\",\"attribute\":\"State\"},
  {\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"Uptime\"}]" "$URL"

echo "# exec: suspend, then resume (operators only; a viewer gets status 403 and nothing happens)"
jolokia "$URL/exec/$MBEAN/suspend"
jolokia "$URL/exec/$MBEAN/resume"
