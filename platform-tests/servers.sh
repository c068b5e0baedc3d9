#!/usr/bin/env bash
# Starts or stops the real servers the platform journeys run through, in parallel, from the server dirs
# their own modules created (package phase) in the shared Liberty runtime. `server start` answers 1 for a
# server that is already running; that is fine. The ITs wait for each /health/ready themselves.
# The order and user servers run with PAYMENTS_MODE=sandbox (env of this process only, never written to
# their server dirs): the journey's payment webhook is signed with the sandbox secret, and a paid plan is
# subscribed without Stripe keys, as in the local run.
set -u
WLP=${LIBERTY_INSTALL_DIR:?set LIBERTY_INSTALL_DIR to the Liberty runtime}
# local servers: development JWT keys and local defaults allowed (README "Security")
export PLATFORM_LOCAL=true
SERVERS=(gateway auth marketplace cart order user vendor admin content)
case "${1:-}" in
  start)
    for name in "${SERVERS[@]}"; do
      if [ "$name" = order ] || [ "$name" = user ]; then
        # sandbox payments start only on a server listening on loopback (order-war README, SandboxGuard)
        PAYMENTS_MODE=sandbox HTTP_HOST=127.0.0.1 "$WLP/bin/server" start "$name" &
      else
        "$WLP/bin/server" start "$name" &
      fi
    done
    wait
    ;;
  stop)
    for name in "${SERVERS[@]}"; do
      "$WLP/bin/server" stop "$name" &
    done
    wait
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
exit 0
