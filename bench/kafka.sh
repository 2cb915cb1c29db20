#!/usr/bin/env bash
# Kafka benchmark: Kafka -> parse JSON, count per user -> Kafka exactly once, on an in-process
# broker; Weir with its Kafka connector and Apache Flink 2.3.0 with Flink's, against a plain
# consumer/producer loop (the ceiling). Prints a RESULT line per engine and run, then the medians
# and the Weir/Flink ratio.
# usage: bench/kafka.sh [records (default 1000000)] [parallelism (default 2)] [runs (default 3)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -pl weir-bench -am package -DskipTests
jar=$(ls weir-bench/target/weir-bench-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1)
exec "${JAVA:-java}" -Xms4g -Xmx4g -XX:+AlwaysPreTouch ${JAVA_OPTS:-} -cp "$jar:$(cat weir-bench/target/classpath.txt)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn weir.bench.kafka.KafkaBench "${1:-1000000}" "${2:-2}" "${3:-3}"
