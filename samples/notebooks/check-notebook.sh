#!/usr/bin/env bash
# Checks samples/notebooks/quickstart.ipynb without Jupyter: its C# code cells become a .NET 10 file-based app
# (notebook-to-app.cs: `#r "nuget: GenPro.Sdk, …"` becomes `#:project` references, the fake API stands in when
# GENPRO_API_KEY is unset), which is then compiled warnings-as-errors and run. Needs only the .NET SDK.
# Usage: samples/notebooks/check-notebook.sh [Debug|Release]   (Release reuses CI's build of the projects)
set -euo pipefail
cd "$(dirname "$0")/../.."
configuration=${1:-Debug}

# The version the notebook must reference: the one Directory.Build.props gives the package.
prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
suffix=$(sed -n 's:.*<VersionSuffix>\(.*\)</VersionSuffix>.*:\1:p' Directory.Build.props)
version=$prefix${suffix:+-$suffix}

# obj/ is ignored by git; the generated file stays under samples/ so the samples' analyzer settings apply to it.
app=samples/notebooks/obj/quickstart.notebook.cs
dotnet run -c "$configuration" samples/notebooks/notebook-to-app.cs -- samples/notebooks/quickstart.ipynb "$app" . "$version"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
dotnet run -c "$configuration" "$app" | tee "$out"

# The cells ran to the end and the typed-error cell caught what it should.
grep -q "agent_creation_failed" "$out" || { echo "notebook: the typed-error cell did not report agent_creation_failed" >&2; exit 1; }
grep -q "^deleted #" "$out" || { echo "notebook: the clean-up cell did not run" >&2; exit 1; }
echo "notebook: every code cell compiled and ran"
