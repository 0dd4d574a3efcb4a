# One image recipe for the three services: docker compose builds it once per SERVICE build argument.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY common-schemas/pom.xml common-schemas/
COPY observability/pom.xml observability/
COPY inventory-processor/pom.xml inventory-processor/
COPY order-processor/pom.xml order-processor/
COPY api-service/pom.xml api-service/
COPY local-stack/pom.xml local-stack/
RUN ./mvnw --batch-mode --no-transfer-progress -q dependency:go-offline -DexcludeGroupIds=pos || true
COPY . .
RUN ./mvnw --batch-mode --no-transfer-progress -q -DskipTests package -pl api-service,order-processor,inventory-processor -am

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 pos && mkdir -p /data && chown pos /data
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER pos
ENV POS_DATA_DIR=/data POS_STATE_DIR=/data/state JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
