#!/usr/bin/env bash
# Contract check: the fake API must answer like the real one. Drives a FakeGenProServer through Stoplight Prism in proxy
# mode (every endpoint, every documented error, 429 and 5xx), which validates each answer against the vendor's OpenAPI
# document with its known gaps patched (tests/GenPro.Sdk.ContractCheck/openapi-agents.yaml, each patch quoting the
# reference page). Fails on any violation, printing endpoint, status, field and message. Installs what is missing first:
# node and npm from Debian (.ci/prepare.sh), Prism from npm into a cache outside the clone (reused by later runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 5.14.2: the newest 5.x whose declared engine (node >= 18.20.1) Debian 12's own nodejs (18.20.4) satisfies; 5.15 and
# 5.16 declare node >= 24.
prism_version=5.14.2
tools="${GENPRO_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/genpro-sdk}/prism-$prism_version"
prism="$tools/node_modules/.bin/prism"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  bash .ci/prepare.sh
fi
if [ ! -x "$prism" ] || [ "$(timeout 30 "$prism" --version 2>/dev/null)" != "$prism_version" ]; then
  echo "-- installing @stoplight/prism-cli $prism_version into $tools"
  mkdir -p "$tools"
  timeout 300 npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$prism_version"
fi
echo "-- Prism $("$prism" --version) on node $(node --version) (ready in $((SECONDS - start)) s)"

# Built with the solution by .ci/run; built here when the step runs alone. The driver starts the fake and Prism, stops
# Prism (its own child, by id) when done; timeout kills the whole process group if anything hangs.
project=tests/GenPro.Sdk.ContractCheck
dotnet build "$project" -c Release --nologo -v quiet
timeout -k 10 120 dotnet "$project/bin/Release/net10.0/GenPro.Sdk.ContractCheck.dll" --prism "$prism"
echo "contract: checked in $((SECONDS - start)) s"
