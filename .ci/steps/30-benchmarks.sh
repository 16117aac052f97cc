#!/usr/bin/env bash
# Keeps the benchmarks compiling and running: every case once, BenchmarkDotNet's Dry job, in process (about 10 s of
# running). Nothing here is timed or compared; the numbers in docs/performance.md come from a full run.
set -euo pipefail
cd "$(dirname "$0")/../.."
export GENPRO_BENCH_DRY=1
timeout 110 dotnet run -c Release --project tests/GenPro.Sdk.Benchmarks -- --filter '*' --artifacts "$(mktemp -d)"
# The interleaved probe (how the loopback ratios were checked): two seconds over each transport, to keep it running.
timeout 60 dotnet run -c Release --no-build --project tests/GenPro.Sdk.Benchmarks -- interleaved 2 InMemory
timeout 60 dotnet run -c Release --no-build --project tests/GenPro.Sdk.Benchmarks -- interleaved 2 Loopback
