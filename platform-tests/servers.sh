#!/usr/bin/env bash
# Starts or stops the real servers the platform journeys run through, in the LOCAL topology of `./platform run`:
# the gateway server plus the shared `platform` server hosting the eight domain WARs, each on its spec port
# (server-config/servers/platform/server.xml, made by server-config/prepare-platform-server.sh from server-config
# and the unchanged WARs the module builds deployed). Every module's own ITs ran those same WARs one per server,
# so the build proves both shapes. Two JVMs start here instead of nine: minutes less on 2 cores.
# `server start` answers 1 for a server that is already running; that is fine. The ITs wait for each
# /health/ready themselves.
# PAYMENTS_MODE=sandbox (env of this process only, never written to a server dir): the journey's payment
# webhook is signed with the sandbox secret, and a paid plan is subscribed without Stripe keys, as in the
# local run. Sandbox payments start only on a server listening on loopback (SandboxGuard), hence HTTP_HOST.
set -u
WLP=${LIBERTY_INSTALL_DIR:?set LIBERTY_INSTALL_DIR to the Liberty runtime}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# local servers: development JWT keys and local defaults allowed (README "Security")
export PLATFORM_LOCAL=true
case "${1:-}" in
  start)
    LIBERTY_INSTALL_DIR="$WLP" "$ROOT/server-config/prepare-platform-server.sh" || exit 1
    # the shared server serves one OpenAPI document for all eight services; the gateway splits it by route
    # the gateway logs JSON (LOG_FORMAT, base.xml) for JsonLogIT: env of this process only, as an operator sets it
    LOG_FORMAT=JSON GATEWAY_OPENAPI_SHARED_DOCUMENT_URL=http://localhost:4050/openapi "$WLP/bin/server" start gateway &
    PAYMENTS_MODE=sandbox HTTP_HOST=127.0.0.1 "$WLP/bin/server" start platform &
    wait
    ;;
  stop)
    for name in gateway platform; do
      "$WLP/bin/server" stop "$name" &
    done
    wait
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
exit 0
