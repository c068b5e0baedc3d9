#!/usr/bin/env bash
# Creates (or refreshes) the shared local server `platform` in the Liberty runtime from server-config alone:
# servers/platform/server.xml, the bootstrap variable every module server gets, and the loose WARs that each
# module's build deployed into its own server directory - the same, unchanged WARs as the one-WAR servers.
# Used by ./platform run (default topology) and by platform-tests. Needs the module servers built first
# (mvn install / package).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WLP=${LIBERTY_INSTALL_DIR:-$ROOT/target/liberty/wlp}
HEAP=${PLATFORM_HEAP:-2g}
dir="$WLP/usr/servers/platform"
for app in auth marketplace order user vendor admin content cart; do
  [ -f "$WLP/usr/servers/$app/apps/$app-war.war.xml" ] || { echo "$app-war is not built (run mvn install first)" >&2; exit 1; }
done
[ -d "$dir" ] || "$WLP/bin/server" create platform >/dev/null
cp "$ROOT/server-config/servers/platform/server.xml" "$dir/server.xml"
{
  printf 'autopilot.config.dir=%s\nmetrics.authentication=false\n' "$ROOT/server-config/shared"
  # traces to the local collector (base.xml); PLATFORM_TRACING=off for runs that measure without them
  [ "${PLATFORM_TRACING:-on}" = off ] || echo 'platform.otel.sdk.disabled=false'
  # the Admin Center's local console password, as liberty-gateway's build gives the gateway (README "Security";
  # outside the local run there is no default). Written only when ADMIN_CONSOLE_PASSWORD is not set: a
  # bootstrap property outranks the environment variable.
  [ -n "${ADMIN_CONSOLE_PASSWORD:-}" ] || echo 'admin.console.password=autopilot-local'
} > "$dir/bootstrap.properties"
{
  echo "-Xmx$HEAP"
  # the parallel collector: the shared server answers every service's requests, and the serial collector's
  # young pauses (49-65 ms in a JFR of a checkout load) set the catalog's p99; module servers keep SerialGC
  echo "-XX:+UseParallelGC"
  echo "-XX:MaxMetaspaceSize=512m"
  # a local server: development keys and local defaults allowed (README "Security")
  echo "-Dplatform.local=true"
  # what auth-war's build gives its own server: the local bootstrap admin
  grep -h '^-Dauth\.' "$WLP/usr/servers/auth/jvm.options" 2>/dev/null || true
} > "$dir/jvm.options"
