#!/usr/bin/env bash
# Packs both libraries with the README's "Use a local build" command, checks what a .nupkg holds, then builds, runs and
# Native-AOT-publishes a consumer that references them by package version from that folder through the README's
# nuget.config snippet (tests/GenPro.Sdk.PackageConsumer/nuget.config), not by project.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=artifacts/packages
rm -rf "$out" artifacts/consumer
# Source Link needs a GitHub remote; a clone of a local folder has none, so it is left out there, and said so.
sourcelink=()
if ! git remote get-url origin 2>/dev/null | grep -q '^https://github.com/'; then
  echo "(no GitHub remote: packing without Source Link)"
  sourcelink=(-p:EnableSourceLink=false)
fi
pack_log=$(mktemp)
publish_log=$(mktemp)
trap 'rm -f "$pack_log" "$publish_log"' EXIT
dotnet pack GenPro.Sdk.Packages.slnf -c Release -o "$out" "${sourcelink[@]}" 2>&1 | tee "$pack_log"
# The README promises a quiet command: no warning of any kind (non-packable projects, Source Link, NuGet).
if grep -qE ': warning ' "$pack_log"; then
  echo "packing printed warnings"; exit 1
fi
if grep -E 'GenPro\.Sdk\.(Tests|Benchmarks|Samples|PackageConsumer|Testing\.Tests)' "$pack_log"; then
  echo "packing built more than the two libraries"; exit 1
fi

version=$(dotnet msbuild src/GenPro.Sdk/GenPro.Sdk.csproj -getProperty:PackageVersion)
for id in GenPro.Sdk GenPro.Sdk.Testing; do
  pkg="$out/$id.$version.nupkg"
  [ -f "$out/$id.$version.snupkg" ] || { echo "missing $id symbols package"; exit 1; }
  listing=$(unzip -l "$pkg")
  for entry in "lib/net10.0/$id.dll" "lib/net10.0/$id.xml" "lib/net8.0/$id.dll" "lib/net8.0/$id.xml" README.md LICENSE; do
    grep -q " $entry\$" <<<"$listing" || { echo "$pkg lacks $entry"; echo "$listing"; exit 1; }
  done
  nuspec=$(unzip -p "$pkg" "$id.nuspec")
  if grep -qiE 'id="(xunit|FluentAssertions|WireMock|FsCheck|Microsoft\.SourceLink|Microsoft\.CodeAnalysis|BenchmarkDotNet)' <<<"$nuspec"; then
    echo "$id.nuspec names a test or analyzer package:"; echo "$nuspec"; exit 1
  fi
  if [ "$id" = GenPro.Sdk ]; then
    # .NET Interactive finds the notebook displays only at this path (src/GenPro.Sdk/Notebook/extension.dib).
    grep -q " interactive-extensions/dotnet/extension.dib\$" <<<"$listing" || { echo "$pkg lacks interactive-extensions/dotnet/extension.dib"; exit 1; }
  fi
  echo "$pkg: lib/net10.0 and lib/net8.0 (.dll, .xml), README, LICENSE, symbols: ok"
done

# The consumer restores our packages from $out; stale copies of the same version in the cache would hide changes.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/genpro.sdk" "${NUGET_PACKAGES:-$HOME/.nuget/packages}/genpro.sdk.testing"
consumer=tests/GenPro.Sdk.PackageConsumer/GenPro.Sdk.PackageConsumer.csproj
dotnet run --project "$consumer" -c Release -p:GenProPackageVersion="$version"

dotnet publish "$consumer" -c Release -r linux-x64 -p:PublishAot=true -p:GenProPackageVersion="$version" \
  -o artifacts/consumer 2>&1 | tee "$publish_log"
if grep -qE 'warning (IL|AOT)[0-9]+' "$publish_log"; then
  echo "the AOT publish of the package consumer has trim/AOT warnings"; exit 1
fi
artifacts/consumer/GenPro.Sdk.PackageConsumer
