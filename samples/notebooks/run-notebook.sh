#!/usr/bin/env bash
# Executes samples/notebooks/quickstart.ipynb headless in the .NET Interactive kernel on the fake API (no key), then checks
# every cell's outputs (check-outputs.py). Needs Jupyter's nbconvert and the kernel (`dotnet-interactive jupyter install`;
# .ci/steps/50-notebook.sh installs both). Packs the packages into artifacts/packages first when none are there.
# The executed notebook is written to artifacts/notebook/quickstart.ipynb. With --screenshot it also renders the gallery
# and table cells to HTML and takes docs/images/notebook-gallery.png of them with headless Chromium (Debian: chromium).
# Usage: samples/notebooks/run-notebook.sh [--screenshot]
set -euo pipefail
cd "$(dirname "$0")/../.."
unset GENPRO_API_KEY GENPRO_BASE_URL GENPRO_WORKSPACE_ID   # the checked outputs are the fake API's
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1
export PATH="$PATH:$HOME/.dotnet/tools"

command -v jupyter-nbconvert >/dev/null || { echo "jupyter-nbconvert is missing: apt-get install jupyter-nbconvert python3-ipykernel (or pip install nbconvert)" >&2; exit 1; }
jupyter-kernelspec list 2>/dev/null | grep -q '\.net-csharp' || [ -f "$HOME/.local/share/jupyter/kernels/.net-csharp/kernel.json" ] \
  || { echo "the .NET (C#) kernel is missing: dotnet tool install -g Microsoft.dotnet-interactive && dotnet-interactive jupyter install" >&2; exit 1; }
python3 samples/notebooks/check-outputs.py --clean samples/notebooks/quickstart.ipynb

# The notebook's #r lines take the newest GenPro.* version in artifacts/packages (a local build is versioned
# 1.0.0-preview.1.local.<time of the newest change>, so a rebuild is never hidden by NuGet's cache).
if ! ls artifacts/packages/GenPro.Sdk.[0-9]*.nupkg >/dev/null 2>&1; then
  echo "-- packing into artifacts/packages (the README's \"Use a local build\")"
  dotnet pack GenPro.Sdk.Packages.slnf -c Release -o artifacts/packages
fi
newest=$(ls artifacts/packages/GenPro.Sdk.[0-9]*.nupkg | sort | tail -1)
newest=${newest#artifacts/packages/GenPro.Sdk.}
export GENPRO_PACKAGE_VERSION=${newest%.nupkg}
echo "-- the notebook should load GenPro.Sdk $GENPRO_PACKAGE_VERSION"

out=artifacts/notebook
mkdir -p "$out"
# The kernel runs in the notebook's folder (the notebook finds ../../artifacts/packages and avatars/ from there).
timeout 480 jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=180 --ExecutePreprocessor.startup_timeout=180 \
  --output-dir "$out" --output quickstart.ipynb samples/notebooks/quickstart.ipynb
python3 samples/notebooks/check-outputs.py "$out/quickstart.ipynb"
if [ "${1:-}" = "--screenshot" ]; then
  python3 - "$out" <<'PY'
import json, sys
notebook = json.load(open(f"{sys.argv[1]}/quickstart.ipynb", encoding="utf-8"))
notebook["cells"] = [c for c in notebook["cells"] if c.get("id") in ("avatars-intro", "avatars", "primary-intro", "primary")]
json.dump(notebook, open(f"{sys.argv[1]}/gallery.ipynb", "w", encoding="utf-8"))
PY
  jupyter nbconvert --to html --output-dir "$out" "$out/gallery.ipynb"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1030 \
    --screenshot="$PWD/$out/gallery.png" "file://$PWD/$out/gallery.html"
  # 64 colours keep the committed PNG small (Debian's python3-pil; the full-colour shot otherwise).
  /usr/bin/python3 -c 'import sys; from PIL import Image; Image.open(sys.argv[1]).convert("RGB").quantize(64).save(sys.argv[2], optimize=True)' \
    "$out/gallery.png" docs/images/notebook-gallery.png || cp "$out/gallery.png" docs/images/notebook-gallery.png
fi
