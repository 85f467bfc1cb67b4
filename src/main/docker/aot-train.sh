#!/bin/sh
# Training run for the JDK's AOT cache (JDK 25, JEP 483/514/515): starts the extracted app once against a
# throwaway PostgreSQL (SPRING_DATASOURCE_* set by the caller), serves the sign-in and landing pages, stops it;
# the JVM writes the cache on exit. Usage: aot-train.sh <app.jar> <cache file> [JVM options...]
set -eu
jar=$1; cache=$2; shift 2
port=${PORT:-18080}
PORT=$port java "$@" -XX:AOTCacheOutput="$cache" -jar "$jar" &
pid=$!
tries=0
until wget -q -O /dev/null "http://localhost:$port/login" 2>/dev/null; do
  tries=$((tries + 1))
  if [ "$tries" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then echo "training run did not serve /login" >&2; kill "$pid" 2>/dev/null; exit 1; fi
  sleep 0.5
done
wget -q -O /dev/null "http://localhost:$port/" || true
kill "$pid"
wait "$pid" || true
test -s "$cache"
