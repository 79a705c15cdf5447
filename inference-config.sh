#!/bin/sh
# Runs the inference-config command-line tool (bedrock-binding-cli) with all arguments.
# The jar is built by: ./mvnw -B -pl bedrock-binding-cli -am package -DskipTests
dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P) || exit 1
jar="$dir/bedrock-binding-cli/target/inference-config.jar"
if [ ! -f "$jar" ]; then
  echo "inference-config: $jar not found; build it with:" >&2
  echo "  ./mvnw -B -pl bedrock-binding-cli -am package -DskipTests" >&2
  exit 1
fi
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi
exec "$java" $INFERENCE_CONFIG_JAVA_OPTS -jar "$jar" "$@"
