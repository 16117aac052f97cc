#!/usr/bin/env bash
# Runs the C# notebook in the real .NET Interactive kernel under Jupyter, headless, on the fake API, and checks what each
# cell shows (samples/notebooks/run-notebook.sh). Installs what is missing first, so a fresh machine with only the .NET SDK
# works (CI runs as root): Debian's nbconvert and ipykernel, and the kernel itself (a pinned .NET tool). Each install is
# skipped when already there. Runs after 40-package.sh, whose artifacts/packages it reuses.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1

if ! command -v jupyter-nbconvert >/dev/null || ! dpkg -s python3-ipykernel >/dev/null 2>&1; then
  echo "-- installing jupyter-nbconvert python3-ipykernel"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends jupyter-nbconvert python3-ipykernel >/dev/null
fi

interactive_version=1.0.712001
if ! dotnet tool list -g | grep -qi "microsoft.dotnet-interactive *$interactive_version"; then
  echo "-- installing the .NET Interactive kernel $interactive_version"
  dotnet tool update -g Microsoft.dotnet-interactive --version "$interactive_version"
fi
if [ ! -f "$HOME/.local/share/jupyter/kernels/.net-csharp/kernel.json" ]; then
  mkdir -p "$HOME/.local/share/jupyter/kernels"
  dotnet-interactive jupyter install
fi

bash samples/notebooks/run-notebook.sh
echo "notebook: ran and checked in $((SECONDS - start)) s"
