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
COPY --from=build /src/target/thaw-*.jar /app/thaw.jar
USER thaw
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/thaw.jar"]
