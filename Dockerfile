# Thaw's production image: the production jar (frontend bundle inside, no Node at runtime) extracted, with the JDK's
# AOT cache from one training run, on a JRE, as a non-root user, with a health check. docker-compose.yml runs two
# of these behind Caddy. Checked by DeploymentFilesTest (no Docker engine where the tests run).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pproduction || true
COPY src src
COPY frontend frontend
RUN ./mvnw -B -Pproduction -DskipTests package

FROM eclipse-temurin:25-jre-alpine
RUN addgroup -S -g 10001 thaw && adduser -S -u 10001 -G thaw -H -s /sbin/nologin thaw
WORKDIR /app
COPY --from=build /src/target/thaw-*.jar /tmp/thaw.jar
COPY src/main/docker/jvm.options src/main/docker/aot-train.sh /app/
# Extracted jar + the JDK's AOT cache from one training run against a throwaway PostgreSQL (removed in the same
# layer): about a third of the startup CPU (docs/performance.md). The cache matches only this JRE and these files.
RUN java -Djarmode=tools -jar /tmp/thaw.jar extract --destination /app/jar && rm /tmp/thaw.jar \
    && mv /app/jar/thaw-*.jar /app/jar/thaw.jar \
    && apk add --no-cache --virtual .training postgresql \
    && mkdir -p /run/postgresql /tmp/pg && chown postgres /run/postgresql /tmp/pg \
    && su postgres -s /bin/sh -c "initdb -D /tmp/pg -A trust -U thaw >/dev/null && pg_ctl -D /tmp/pg -w start >/dev/null" \
    && SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/postgres SPRING_DATASOURCE_USERNAME=thaw \
       THAW_CRYPTO_KEYS_TRAIN="$(head -c 32 /dev/urandom | base64)" THAW_CRYPTO_ACTIVE_KEY=train \
       THAW_PUBLIC_URL=http://localhost:18080 \
       sh /app/aot-train.sh /app/jar/thaw.jar /app/thaw.aot @/app/jvm.options \
    && su postgres -s /bin/sh -c "pg_ctl -D /tmp/pg -w stop >/dev/null" \
    && rm -rf /tmp/pg && apk del .training \
    && chown -R root:root /app && chmod -R a+rX,go-w /app
USER 10001:10001
EXPOSE 8080
# readiness is DOWN while the database is unreachable, so the proxy sends visitors to the other replica
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
    CMD wget -qO- http://localhost:8080/actuator/health/readiness | grep -q UP || exit 1
# JAVA_OPTS come last, so they override the defaults (e.g. -Xmx1g for more sessions)
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options -XX:AOTCache=/app/thaw.aot $JAVA_OPTS -jar /app/jar/thaw.jar"]
