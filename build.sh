#!/usr/bin/env bash
# CloudNative's one entry point: installs what is missing, then builds and runs.
#   ./build.sh run [AppHost args]   the AppHost and the Aspire dashboard (services, PostgreSQL, Redis, Kafka) until Ctrl+C
#   ./build.sh test                 every test project, ending with "N passed, N failed, N skipped"
#   ./build.sh bench [name]         benchmarks in bench/ (default: all; e.g. startup)
#   ./build.sh publish [path]       writes the deployment manifest (default: aspire-manifest.json)
set -euo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Debug}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=false
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    log "apt-get not found: install $* with your package manager, then run this again."
    exit 1
  fi
  if [ "$apt_updated" = false ]; then
    log "apt-get update"
    as_root apt-get update -qq
    apt_updated=true
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

have_postgres() {
  command -v initdb >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

# What the AppHost needs to run its backing services as local processes when no container engine answers.
ensure_prerequisites() {
  command -v dotnet >/dev/null 2>&1 || { log "The .NET 10 SDK is required: https://dot.net/download"; exit 1; }
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  have_postgres || apt_install postgresql
  command -v setsid >/dev/null 2>&1 || apt_install util-linux
}

# What the tests need on top: a real browser for the dashboard test (Playwright drives Debian's chromium, since
# Playwright's own browser download cannot work offline), and kafkajs, a Kafka client independent of librdkafka.
ensure_test_prerequisites() {
  ensure_prerequisites
  command -v chromium >/dev/null 2>&1 || apt_install chromium
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  local kafkajs=Tests/CloudNative.KafkaDevBroker.Tests/kafkajs
  if [ ! -d "$kafkajs/node_modules/kafkajs" ]; then
    log "npm ci ($kafkajs)"
    npm ci --prefix "$kafkajs" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

build() {
  log "dotnet build $1 ($configuration)"
  dotnet build "$1" -c "$configuration" -nologo -clp:ErrorsOnly -v:quiet
}

# Sums the per-assembly summaries of dotnet test into the one closing line CI reads.
summarize() {
  awk '
    /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
      for (i = 1; i <= NF; i++) {
        if ($i == "Failed:")  { gsub(",", "", $(i+1)); failed  += $(i+1) }
        if ($i == "Passed:")  { gsub(",", "", $(i+1)); passed  += $(i+1) }
        if ($i == "Skipped:") { gsub(",", "", $(i+1)); skipped += $(i+1) }
      }
    }
    { print }
    END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }'
}

command="${1:-run}"
[ $# -gt 0 ] && shift

case "$command" in
  run)
    ensure_prerequisites
    build AppHost/CloudNative.AppHost.csproj
    # The launch profile sets the dashboard's URLs (http://localhost:18888); the AppHost prints its login link.
    exec dotnet run --project AppHost/CloudNative.AppHost.csproj -c "$configuration" --no-build --launch-profile http -- "$@"
    ;;
  test)
    ensure_test_prerequisites
    build CloudNative.sln
    log "dotnet test"
    set +e
    # One test project at a time: the integration tests boot a dozen processes, and 2 cores are enough for one suite.
    dotnet test CloudNative.sln -c "$configuration" --no-build -m:1 -nologo "$@" 2>&1 | summarize
    status=${PIPESTATUS[0]}
    set -e
    exit "$status"
    ;;
  bench)
    # Benchmarks measure what ships: Release, unless CONFIGURATION says otherwise.
    configuration="${CONFIGURATION:-Release}"
    ensure_prerequisites
    target="${1:-all}"
    [ $# -gt 0 ] && shift
    # Further arguments go to the benchmark: e.g. ./build.sh bench startup --runs 3, or --cut pg-cache.
    case "$target" in
      startup|all)
        build bench/Startup/Startup.csproj
        dotnet "bench/Startup/bin/$configuration/net10.0/Startup.dll" "$@" ;;
      gateway)
        command -v wrk >/dev/null 2>&1 || apt_install wrk
        command -v nginx >/dev/null 2>&1 || apt_install nginx
        build AppHost/CloudNative.AppHost.csproj
        build bench/Gateway/Gateway.csproj
        build bench/YarpPeer/YarpPeer.csproj
        dotnet "bench/Gateway/bin/$configuration/net10.0/Gateway.dll" "$@" ;;
      orders)
        build AppHost/CloudNative.AppHost.csproj
        build bench/Orders/Orders.csproj
        dotnet "bench/Orders/bin/$configuration/net10.0/Orders.dll" "$@" ;;
      group-join)
        build Hosting/CloudNative.KafkaDevBroker/CloudNative.KafkaDevBroker.csproj
        dotnet run bench/GroupJoin/group-join.cs -- "Hosting/CloudNative.KafkaDevBroker/bin/$configuration/net10.0/CloudNative.KafkaDevBroker.dll" "$@" ;;
      *) log "Unknown benchmark '$target'. Known: startup, gateway, orders, group-join."; exit 2 ;;
    esac
    ;;
  publish)
    build AppHost/CloudNative.AppHost.csproj
    dotnet "AppHost/bin/$configuration/net10.0/CloudNative.AppHost.dll" --publisher manifest --output-path "$(realpath -m "${1:-aspire-manifest.json}")"
    ;;
  *)
    log "Unknown command '$command'. Use: run | test | bench [name] | publish [path]"
    exit 2
    ;;
esac
