#!/usr/bin/env bash
# Publishes the Native AOT sample (every trim/AOT warning is an error, and any warning line fails this step too),
# runs the binary against the fake API, and requires exit 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet publish samples/GenPro.Sdk.Samples.Aot -c Release -r linux-x64 -p:PublishAot=true 2>&1 | tee "$log"
if grep -E "warning (IL|CS|CA|NU|NETSDK)[0-9]+" "$log"; then
  echo "AOT publish reported warnings" >&2
  exit 1
fi

binary=samples/GenPro.Sdk.Samples.Aot/bin/Release/net10.0/linux-x64/publish/GenPro.Sdk.Samples.Aot
echo "binary: $(stat -c %s "$binary") bytes"
"$binary"
