# syntax=docker/dockerfile:1
# One image for every service of the hub; the command picks the service:
#   node dist/subgraphs/<name>/index.js   (ars, dreets, caf, maisons, departements, hub)
#   node dist/gateway/index.js            (Hive Gateway, the default)
#   node dist/gateway/router-signer/index.js  (signing hop of the Rust router profile)
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: every dependency, swc build of subgraphs/, fixtures/, gateway/, scripts/
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# patches/: fixes to dependencies, applied by the postinstall script (patch-package; patches/README.md).
COPY package.json package-lock.json ./
COPY patches patches
RUN npm ci --no-audit --no-fund
COPY .swcrc tsconfig.json ./
COPY subgraphs subgraphs
COPY gateway gateway
COPY scripts scripts
COPY fixtures fixtures
RUN npm run build
# Bill of materials (CycloneDX) of the production dependencies, made after the licence check passes.
RUN npm run sbom

# ---- production dependencies only (same native builds, dev tools removed)
FROM build AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: no compiler, no dev dependency, no source, a non-root user
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/dist dist
# What ships: the CycloneDX bill of materials, beside the code it describes.
COPY --from=build /app/sbom.cdx.json sbom.cdx.json
LABEL org.opencontainers.image.licenses="MIT" \
      org.cyclonedx.sbom="/app/sbom.cdx.json"
# The hub reads the registry and the subgraph SDL files at start, the gateway the supergraph.
COPY schema schema
# Code stays owned by root (read-only for the service); only the SQLite folder is writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000 4001 4002 4003 4004 4010 4090
CMD ["node", "dist/gateway/index.js"]
