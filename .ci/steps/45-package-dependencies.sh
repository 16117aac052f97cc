#!/usr/bin/env bash
# The packages' dependency policy (README "Install"), checked on what 40-package.sh packed into artifacts/packages:
# 1. GenPro.Sdk's .nuspec lists exactly the packages its project references (no transitive pin leaks in: no DI container,
#    no Polly.Extensions/Polly.RateLimiting), the 8.0 line of Microsoft.Extensions on net8.0 and the 10.0 line on
#    net10.0; GenPro.Sdk.Testing depends on GenPro.Sdk alone (the rest is ASP.NET Core's shared framework).
# 2. An app of each line (tests/GenPro.Sdk.DependencyConsumer: Microsoft.Extensions.Hosting and .Http 8.0.1 on net8.0,
#    10.0.13 on net10.0) adds both packages, registers with AddGenProClient from configuration and calls the fake; its
#    restored project.assets.json must still hold its own versions and no Microsoft.Extensions package of another line.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS

out=artifacts/packages
sdk_pkg=$(ls "$out"/GenPro.Sdk.[0-9]*.nupkg | sort | tail -1)
version=${sdk_pkg#"$out/GenPro.Sdk."}; version=${version%.nupkg}

python3 - "$out" "$version" src/GenPro.Sdk/GenPro.Sdk.csproj <<'PY'
import re, sys, zipfile
out, version, csproj = sys.argv[1:]
LINE = {"net8.0": "8.0.", "net10.0": "10.0."}
# Microsoft.Extensions packages from dotnet/extensions version on their own (10.11.x) and ask for the line per TFM.
OWN_VERSIONING = {"Microsoft.Extensions.Http.Resilience"}

def groups(package):
    with zipfile.ZipFile(f"{out}/{package}.{version}.nupkg") as z:
        nuspec = z.read(f"{package}.nuspec").decode("utf-8-sig")
    nuspec = re.search(r"<dependencies>(.*?)</dependencies>", nuspec, re.S).group(1)   # not <frameworkReferences>
    return {tfm: dict(re.findall(r'<dependency id="([^"]+)" version="([^"]+)"', body))
            for tfm, body in re.findall(r'<group targetFramework="([^"]+)"\s*(?:/>|>(.*?)</group>)', nuspec, re.S)}

referenced = set(re.findall(r'<PackageReference Include="([^"]+)"', open(csproj).read()))
problems = []
sdk = groups("GenPro.Sdk")
if set(sdk) != set(LINE):
    problems.append(f"GenPro.Sdk: groups {sorted(sdk)}, expected {sorted(LINE)}")
for tfm, deps in sdk.items():
    if set(deps) != referenced:
        problems.append(f"GenPro.Sdk {tfm}: lists {sorted(set(deps) - referenced)} beyond its PackageReferences, "
                        f"lacks {sorted(referenced - set(deps))}")
    for dep, v in deps.items():
        if dep.startswith("Microsoft.Extensions.") and dep not in OWN_VERSIONING and not v.startswith(LINE[tfm]):
            problems.append(f"GenPro.Sdk {tfm}: {dep} {v} is not of the {LINE[tfm]}x line")
    print(f"GenPro.Sdk {tfm}: " + ", ".join(f"{d} {v}" for d, v in sorted(deps.items())))
for tfm, deps in groups("GenPro.Sdk.Testing").items():
    if deps != {"GenPro.Sdk": version}:
        problems.append(f"GenPro.Sdk.Testing {tfm}: depends on {deps}, expected GenPro.Sdk {version} alone")
if problems:
    sys.exit("dependency policy broken:\n  " + "\n  ".join(problems))
print("nuspec dependency policy: ok")
PY

project=tests/GenPro.Sdk.DependencyConsumer/GenPro.Sdk.DependencyConsumer.csproj
for tfm in net8.0 net10.0; do
  artifacts=artifacts/dependency-consumer/$tfm
  rm -rf "$artifacts"
  # Only the .NET 10 runtime is installed: the .NET 8 app carries its own (the runtime pack comes from NuGet).
  runtime=(); [ "$tfm" = net8.0 ] && runtime=(-r linux-x64 -p:SelfContained=true)
  dotnet build "$project" -c Release -p:ConsumerTargetFramework="$tfm" -p:GenProPackageVersion="$version" \
    "${runtime[@]}" --artifacts-path "$artifacts"
  python3 - "$artifacts/obj/GenPro.Sdk.DependencyConsumer/project.assets.json" "$tfm" "$version" <<'PY'
import json, sys
assets_path, tfm, version = sys.argv[1:]
app_version = {"net8.0": "8.0.1", "net10.0": "10.0.13"}[tfm]
line = app_version.rsplit(".", 1)[0] + "."
assets = json.load(open(assets_path))
problems = []
for target, libraries in assets["targets"].items():
    resolved = dict(key.split("/", 1) for key, value in libraries.items() if value.get("type") == "package")
    for own in ("Microsoft.Extensions.Hosting", "Microsoft.Extensions.Http"):
        if resolved.get(own) != app_version:
            problems.append(f"{target}: the app asked for {own} {app_version}, restore gave {resolved.get(own)}")
    if resolved.get("GenPro.Sdk") != version or resolved.get("GenPro.Sdk.Testing") != version:
        problems.append(f"{target}: GenPro.Sdk {resolved.get('GenPro.Sdk')}, expected the local build {version}")
    # dotnet/extensions packages (Http.Resilience and what it brings) share its version and follow the line per TFM.
    own_versioning = resolved.get("Microsoft.Extensions.Http.Resilience")
    runtime_line = sorted(f"{name} {v}" for name, v in resolved.items()
                          if name.startswith("Microsoft.Extensions.") and v != own_versioning)
    problems += [f"{target}: {entry} is not of the {line}x line" for entry in runtime_line if not entry.split()[1].startswith(line)]
    # A System.* package of a newer line would replace a .NET 8 framework assembly. Refit 16.4.0 asks for
    # System.Net.ServerSentEvents 10.0.13 on net8.0: it is not part of .NET 8, so it replaces nothing.
    if tfm == "net8.0":
        problems += [f"{target}: {name} {v} is newer than .NET 8's line" for name, v in resolved.items()
                     if name.startswith("System.") and int(v.split(".")[0]) > 8 and name != "System.Net.ServerSentEvents"]
    print(f"{target}: Microsoft.Extensions line {line}x kept by {len(runtime_line)} packages: {', '.join(runtime_line)}")
if problems:
    sys.exit("the app's Microsoft.Extensions line was not kept:\n  " + "\n  ".join(problems))
PY
  find "$artifacts/bin" -type f -name GenPro.Sdk.DependencyConsumer -perm -u+x | head -1 | sh
done
echo "dependency policy: nuspec and the net8.0 and net10.0 consumers checked in $((SECONDS - start)) s"
