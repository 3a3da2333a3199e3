# Slipway's own image, for docker-compose.yml: built from this repository with the Maven wrapper.
# Behind a TLS-intercepting proxy, pass its CA bundle: --build-arg EXTRA_CA_PEM="$(cat proxy-ca.pem)".
FROM debian:trixie-slim AS build
ARG DEBIAN_FRONTEND=noninteractive
ARG EXTRA_CA_PEM=""
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates openjdk-21-jdk-headless \
 && rm -rf /var/lib/apt/lists/*
COPY buildpacks/stack/trust-extra-ca.sh /usr/local/bin/trust-extra-ca
RUN printf '%s' "$EXTRA_CA_PEM" > /tmp/extra-ca.pem && trust-extra-ca /tmp/extra-ca.pem
WORKDIR /src
COPY . .
RUN ./mvnw -B -q --no-transfer-progress -DskipTests package

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
