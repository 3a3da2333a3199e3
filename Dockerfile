# Slipway's own image, for docker-compose.yml: built from this repository with the Maven wrapper,
# on debian:trixie-slim only (Slipway makes that image itself where Docker Hub is unreachable:
# scripts/offline-base-image.sh). Behind a TLS-intercepting proxy, pass its CA bundle:
# --build-arg EXTRA_CA_PEM="$(cat proxy-ca.pem)" (docker-compose.yml passes $EXTRA_CA_PEM).
# Layers go from what changes least to what changes most, so a rebuild after a code change
# reuses the JDK and the downloaded dependencies and only compiles and packages again.
FROM debian:trixie-slim AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates openjdk-21-jdk-headless \
 && rm -rf /var/lib/apt/lists/*
COPY buildpacks/stack/trust-extra-ca.sh /usr/local/bin/trust-extra-ca
ARG EXTRA_CA_PEM=""
RUN printf '%s' "$EXTRA_CA_PEM" > /tmp/extra-ca.pem && trust-extra-ca /tmp/extra-ca.pem
WORKDIR /src
# Maven and the dependencies first: this layer is rebuilt only when a pom.xml changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY frontend/pom.xml frontend/
COPY cli/pom.xml cli/
COPY backend/pom.xml backend/
COPY bench/pom.xml bench/
RUN ./mvnw -B -q --no-transfer-progress -pl backend -am dependency:go-offline -DexcludeGroupIds=dev.slipway
# Then only what the jar is made of, so a change to tests or docs reuses the jar's layer too.
COPY frontend/src frontend/src
COPY cli/src/main cli/src/main
COPY cli/slipway cli/install.sh cli/
COPY buildpacks buildpacks
COPY scripts scripts
COPY backend/src/main backend/src/main
RUN ./mvnw -B -q --no-transfer-progress -pl backend -am -Dmaven.test.skip=true package

FROM debian:trixie-slim
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates openjdk-21-jre-headless tini debootstrap \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/backend/target/slipway-exec.jar /opt/slipway/slipway.jar
ENV SLIPWAY_DATA_DIR=/var/lib/slipway
VOLUME /var/lib/slipway
EXPOSE 8080
ENTRYPOINT ["tini", "--", "java", "-jar", "/opt/slipway/slipway.jar"]
