# One image recipe for the three services: docker compose builds it once per SERVICE build argument (the build
# stage does not use the argument, so the three images share it).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependency layer: the Maven wrapper and every pom of the reactor (the root pom lists them all: a missing one
# fails Maven), then the same build as below on no sources. That resolves and downloads every dependency and
# plugin the real build uses, inter-module dependencies included (they come from the reactor, not a repository,
# which dependency:go-offline cannot do). Repackaging is skipped: there is no main class yet. This layer is
# rebuilt only when a pom changes. DeploymentFilesTest checks that every module's pom is copied here.
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support/pom.xml test-support/
COPY common-schemas/pom.xml common-schemas/
COPY observability/pom.xml observability/
COPY streams-support/pom.xml streams-support/
COPY inventory-processor/pom.xml inventory-processor/
COPY order-processor/pom.xml order-processor/
COPY api-service/pom.xml api-service/
COPY local-stack/pom.xml local-stack/
COPY load-generator/pom.xml load-generator/
# batch mode, no transfer progress, no tests, the three services and what they depend on
ARG MAVEN_FLAGS="-B -ntp -DskipTests -pl api-service,order-processor,inventory-processor -am"
RUN ./mvnw $MAVEN_FLAGS -Dspring-boot.repackage.skip=true package && rm -rf */target
COPY . .
# offline: anything the dependency layer missed fails here instead of being downloaded again on every build
RUN ./mvnw $MAVEN_FLAGS --offline package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 pos && mkdir -p /data && chown pos /data
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER pos
ENV POS_DATA_DIR=/data POS_STATE_DIR=/data/state JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
