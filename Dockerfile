# Builds the production jar (frontend bundle included, no Node at runtime) and runs it on a JRE.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pproduction || true
COPY src src
RUN ./mvnw -B -Pproduction -DskipTests package

FROM eclipse-temurin:25-jre-alpine
RUN addgroup -S thaw && adduser -S thaw -G thaw
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
       sh /app/aot-train.sh /app/jar/thaw.jar /app/thaw.aot @/app/jvm.options \
    && su postgres -s /bin/sh -c "pg_ctl -D /tmp/pg -w stop >/dev/null" \
    && rm -rf /tmp/pg && apk del .training
USER thaw
EXPOSE 8080
# JAVA_OPTS come last, so they override the defaults (e.g. -Xmx1g for more sessions)
ENV JAVA_OPTS=""
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options -XX:AOTCache=/app/thaw.aot $JAVA_OPTS -jar /app/jar/thaw.jar"]
