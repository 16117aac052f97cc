#!/usr/bin/env bash
# Packs both libraries with the README's "Use a local build" command exactly (no extra flag) and fails on any warning,
# checks what a .nupkg holds, then builds, runs and Native-AOT-publishes a consumer that references them by package
# version from that folder through the README's nuget.config snippet (tests/GenPro.Sdk.PackageConsumer/nuget.config),
# not by project. Last, the stale-package round trip: a local build is never served stale (src/Directory.Build.targets).
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS

out=artifacts/packages
rm -rf "$out" artifacts/consumer
pack_log=$(mktemp)
publish_log=$(mktemp)
stale=$(mktemp -d)
marker=src/GenPro.Sdk/StaleCheckMarker.cs
trap 'rm -rf "$pack_log" "$publish_log" "$stale" "$marker"' EXIT

# The README's command, as written. Any warning fails: Source Link in a clone without a GitHub remote, NuGet, anything.
pack() {
  dotnet pack GenPro.Sdk.Packages.slnf -c Release -o "$1" 2>&1 | tee "$pack_log"
  if grep -qE ': warning ' "$pack_log"; then
    echo "packing printed warnings:"; grep -E ': warning ' "$pack_log" | sort -u; exit 1
  fi
  if grep -E 'GenPro\.Sdk\.(Tests|Benchmarks|Samples|PackageConsumer|DependencyConsumer|Testing\.Tests)' "$pack_log"; then
    echo "packing built more than the two libraries"; exit 1
  fi
}
pack "$out"

# A clone's build is versioned from its files (1.0.0-preview.1.local.<UTC stamp>): read the version from the folder.
sdk_pkg=$(ls "$out"/GenPro.Sdk.[0-9]*.nupkg)
version=${sdk_pkg#"$out/GenPro.Sdk."}; version=${version%.nupkg}
case "$version" in
  *-*.local.[0-9]*-[0-9]*) echo "local build version: $version" ;;
  *) echo "a local build should carry a .local.<stamp> suffix, got $version"; exit 1 ;;
esac
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

consumer=tests/GenPro.Sdk.PackageConsumer/GenPro.Sdk.PackageConsumer.csproj
dotnet run --project "$consumer" -c Release -p:GenProPackageVersion="$version"

dotnet publish "$consumer" -c Release -r linux-x64 -p:PublishAot=true -p:GenProPackageVersion="$version" \
  -o artifacts/consumer 2>&1 | tee "$publish_log"
if grep -qE 'warning (IL|AOT)[0-9]+' "$publish_log"; then
  echo "the AOT publish of the package consumer has trim/AOT warnings"; exit 1
fi
artifacts/consumer/GenPro.Sdk.PackageConsumer
echo "package step (pack, contents, consumer, AOT): $((SECONDS - start)) s"

# The stale-package round trip, as a user outside this repository does it: pack, use, change, pack again, use.
# Two consumers find the package by version range, not by number: a project that takes the newest with the README's
# `dotnet add package GenPro.Sdk --prerelease`, and a C# script with `#:package GenPro.Sdk@*-*`. Both print a marker
# compiled into GenPro.Sdk; the change is a new marker. It packs into a folder of its own (the README's folder, seeded
# with the build above), so artifacts/packages keeps the clean build for the notebook step.
round_trip=$SECONDS
mkdir -p "$stale/packages" "$stale/app" "$stale/script"
cp "$out"/*.nupkg "$stale/packages/"
for dir in app script; do
  sed "s|../../artifacts/packages|$stale/packages|" tests/GenPro.Sdk.PackageConsumer/nuget.config > "$stale/$dir/nuget.config"
done
read_marker='var assembly = typeof(GenPro.Sdk.GenProClient).Assembly;
System.Console.WriteLine("marker: " + (System.Linq.Enumerable.FirstOrDefault(
    System.Reflection.CustomAttributeExtensions.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>(assembly),
    a => a.Key == "GenProStaleCheck")?.Value ?? "none"));'
cat > "$stale/app/app.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
</Project>
XML
printf '%s\n' "$read_marker" > "$stale/app/Program.cs"
printf '#:package GenPro.Sdk@*-*\n%s\n' "$read_marker" > "$stale/script/marker.cs"

expect_marker() {   # what both consumers print must be "marker: $1"; the rest are the script's `dotnet run` options
  local expected=$1; shift
  (cd "$stale/app" && dotnet add package GenPro.Sdk --prerelease >/dev/null && dotnet run) | tee "$stale/app.out"
  (cd "$stale/script" && dotnet run "$@" marker.cs) | tee "$stale/script.out"
  for consumer in app script; do
    grep -qx "marker: $expected" "$stale/$consumer.out" || { echo "stale package: the $consumer consumer did not print marker: $expected"; exit 1; }
  done
}
expect_marker none
change="$(date +%s%N)"
printf '// Written and deleted by .ci/steps/40-package.sh (the stale-package round trip).\n[assembly: System.Reflection.AssemblyMetadata("GenProStaleCheck", "%s")]\n' "$change" > "$marker"
pack "$stale/packages"
rm -f "$marker"
# A script keeps its build and its resolved *-* until told otherwise (the README's "Scripts and notebooks" says how).
expect_marker "$change" --no-cache -p:RestoreForce=true
echo "stale-package round trip: $(ls "$stale"/packages/GenPro.Sdk.[0-9]*.nupkg | sed 's|.*/||' | tr '\n' ' ')- the consumers saw the change ($((SECONDS - round_trip)) s)"
