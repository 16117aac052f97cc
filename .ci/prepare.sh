#!/usr/bin/env bash
# Installs the real peers the tests run against, on a fresh machine, before anything is built. Idempotent and quick
# when everything is already there: apt-get runs only if a probe fails. CI runs as root; elsewhere sudo is used if
# present. To add a peer, append one `need` line: a probe command, then the Debian packages that satisfy it.
set -euo pipefail

missing=()
need() {   # need "PROBE COMMAND" PACKAGE...: queues the packages when the probe fails
  local probe=$1
  shift
  if ! bash -c "$probe" >/dev/null 2>&1; then
    missing+=("$@")
  fi
}

# Real Rack 2.2 (Rails' request parser): the upload tests parse every multipart body with it.
need 'ruby -e "require \"rack\"; exit(Rack.release.start_with?(\"2.\") || Rack.release.start_with?(\"3.\") ? 0 : 1)"' ruby ruby-rack
# Node and npm: the contract check (.ci/steps/15-contract.sh) runs Stoplight Prism, an npm package, in front of the fake.
need 'node --version && npm --version' nodejs npm

if [ "${#missing[@]}" -eq 0 ]; then
  echo "== prepare: every test peer is installed"
  exit 0
fi

echo "== prepare: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "!! not root and no sudo: install ${missing[*]} by hand (apt-get install -y ${missing[*]})"; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
