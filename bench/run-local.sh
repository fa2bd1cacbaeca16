#!/usr/bin/env bash
# Runs the single-node benchmarks with the settings recorded in docs/performance.md.
# Build first: mvn -B install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: mvn -B install -DskipTests" >&2; exit 1; }
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java -jar "$jar" LocalCallBenchmark -wi 3 -w 2 -i 5 -r 3 -f 1 2>&1 | grep -E "^(Benchmark|LocalCall)"
java -jar "$jar" CastThroughputBenchmark -wi 3 -w 2 -i 5 -r 3 -f 1 2>&1 | grep -E "^(Benchmark|CastThroughput)"
java -Xmx4g -cp "$jar" io.phoenix.bench.IdleAgentFootprint 1000000 2>&1 | grep -v INFO
java -cp "$jar" io.phoenix.bench.UpgradePause 10000 2>&1 | grep -v INFO
