# Sitrep: a static binary in a distroless image, running as non-root.
#   docker build -t sitrep .
#   docker run -e SITREP_DISCORD_TOKEN=... -v sitrep-data:/data sitrep
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# The same flags as .ci/run builds with, so CI proves this step compiles.
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/bot ./cmd/bot \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bot /usr/local/bin/bot
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
ENV SITREP_DATABASE_PATH=/data/sitrep.db \
    SITREP_HTTP_LISTEN=127.0.0.1:9090 \
    SITREP_LOG_FORMAT=json
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["/usr/local/bin/bot", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/bot"]
CMD ["run"]
