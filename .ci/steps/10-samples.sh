#!/usr/bin/env bash
# Samples: the quickstart must walk the whole API and exit 0, and the C# script must list the seeded agents. All on the
# built-in fake API (no key). The web sample's tests run with the solution's (dotnet test); the notebook runs in the
# .NET Interactive kernel in 50-notebook.sh. .ci/run has already built the solution in Release: reuse that build.
set -euo pipefail
cd "$(dirname "$0")/../.."
unset GENPRO_API_KEY GENPRO_BASE_URL GENPRO_WORKSPACE_ID GENPRO_VOICE_RESOURCE_ID   # CI never calls the real API
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step_start=$SECONDS
timed() {   # timed LABEL COMMAND...: runs it with a time limit and reports how long it took
  local label=$1 start=$SECONDS
  shift
  echo "-- $label"
  timeout 150 "$@"
  echo "-- $label: ok in $((SECONDS - start)) s"
}

timed "quickstart (fake API)" dotnet run --project samples/GenPro.Sdk.Samples.Quickstart -c Release --no-build

out=$(mktemp)
trap 'rm -f "$out"' EXIT
timed "script samples/scripts/agents.cs" bash -c 'set -o pipefail; dotnet run -c Release samples/scripts/agents.cs | tee "$0"' "$out"
grep -q "TrendBot" "$out" || { echo "agents.cs did not list the seeded agent" >&2; exit 1; }

echo "samples: all ran in $((SECONDS - step_start)) s"
