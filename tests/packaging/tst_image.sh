#!/usr/bin/env bash
# tst_image BUILD_DIR SOURCE_DIR: builds the service image with podman
# (packaging/container/build-image: the .deb, a debootstrapped Debian 12 base, the
# Containerfile) and starts it as Kubernetes would: `weft-run serve` on a project mounted as
# a directory, against weft-mock on this host. Checks that it runs as the non-root user, runs
# the scheme, writes its health file, and stops cleanly (exit 0) on SIGTERM.
#
# podman's default runtime (crun) refuses this machine's hybrid cgroups; runc runs it.
set -euo pipefail
build=$1
src=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in podman runc debootstrap curl; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/setup-deps does it)"
done
work=$(mktemp -d)
name=weft-image-test-$$
mock_pid=
cleanup() {
    podman rm -f "$name" >/dev/null 2>&1 || true
    [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

tag=$("$src/packaging/container/build-image" "$build" localhost/weft-run:test | tail -1)
echo "image: $tag ($(podman image inspect "$tag" --format '{{.Size}}') bytes)"
run() {
    podman run --runtime runc --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 "$@"
}

[ "$(run --rm --entrypoint id "$tag" -u)" = 10001 ] || fail "the image does not run as uid 10001"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/src/mock/weft-mock" --port "$port" --jdy-customers 30 --quiet &
mock_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/_mock/health" >/dev/null && break; sleep 0.2; done

mkdir -p "$work/project" "$work/state"
python3 - "$src/resources/examples/jdy-customers-to-local.weft.json" "$work/project/project.weft.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["schemes"][0]["schedule"] = {"kind": "interval", "everyMinutes": 60}
json.dump(p, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
PY
chown -R 10001:10001 "$work/state"
run -d --name "$name" --network host \
    -v "$work/project:/etc/weft/project:ro" -v "$work/state:/var/lib/weft" \
    -e WEFT_MOCK_URL="http://127.0.0.1:$port" \
    -e JDY_CLIENT_SECRET=weft-jdy-client-secret -e JDY_APP_SECRET=weft-jdy-app-secret \
    "$tag" serve /etc/weft/project/project.weft.json --state /var/lib/weft/state.sqlite \
    --tick 1 --jsonl --log-file none --health-file /tmp/weft-health >/dev/null

for _ in $(seq 120); do
    podman logs "$name" 2>/dev/null | grep -q '"event":"run_finished"' && break
    sleep 0.5
done
logs=$(podman logs "$name" 2>&1)
echo "$logs" | grep -q '"event":"run_finished".*"outcome":"succeeded"' \
    || fail "no successful run in the container: $logs"
podman exec "$name" cat /tmp/weft-health | grep -q "^20" || fail "no health file"
[ "$(stat -c %u "$work/state/state.sqlite")" = 10001 ] || fail "the state store is not the weft user's"
[ "$(stat -c %a "$work/state/state.sqlite")" = 600 ] || fail "the state store is not 0600"

podman stop -t 60 "$name" >/dev/null
code=$(podman inspect "$name" --format '{{.State.ExitCode}}')
[ "$code" = 0 ] || fail "SIGTERM: exit code $code, not 0"
echo "ok"
