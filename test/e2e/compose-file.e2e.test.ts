/**
 * docker-compose.yml and the router's configuration are generated from the registry (npm run
 * compose) and committed up to date; they and the Dockerfile agree with the code (no Docker
 * engine here): image or build, command, ports, environment and health check of every service.
 * The checker is run on broken copies too, to prove that it catches what it claims to.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readRegistry, RegisteredSubgraph } from "../../subgraphs/platform/federation/registry";
import { checkCompose, loadCompose } from "../support/compose-check";
import { deploymentFiles } from "../../scripts/deploy/deployment-files";
import { BUILT_SUBGRAPH_NAMES } from "../../subgraphs/registry";
import YAML from "yaml";
import { Json } from "../support/json";

const root = path.resolve(__dirname, "../..");
const registry = readRegistry();
const placeholderDir = fs.mkdtempSync(path.join(os.tmpdir(), "compose-check-"));
const placeholderFile = path.join(placeholderDir, "mounted.pem");
fs.writeFileSync(placeholderFile, "placeholder for a file mounted at install time\n");
afterAll(() => fs.rmSync(placeholderDir, { recursive: true, force: true }));

/** What a partner puts in .env: the two required secrets. */
const env = { HUB_HMAC_SECRET: "s".repeat(48), POSTGRES_PASSWORD: "0123456789abcdef" };
const compose = () => loadCompose(path.join(root, "docker-compose.yml"));
const check = (file = compose(), options: { env?: Record<string, string>; registry?: RegisteredSubgraph[] } = {}) =>
  checkCompose({ compose: file, registry: options.registry ?? registry, root, env: options.env ?? env, placeholderFile });

test("docker-compose.yml and deploy/hive-router.config.yaml are what npm run compose writes from the registry", () => {
  for (const [file, text] of Object.entries(deploymentFiles(registry, BUILT_SUBGRAPH_NAMES)))
    expect({ file, upToDate: fs.readFileSync(path.join(root, file), "utf8") === text }).toEqual({ file, upToDate: true });
});

test("a subgraph built here and registered later gets its service, its URLs and its router line, on its routing URL's port", () => {
  const extra = { name: "cd44", routingUrl: "http://127.0.0.1:4020/graphql", schemaFile: "x" };
  const files = deploymentFiles([...registry, extra], new Set([...BUILT_SUBGRAPH_NAMES, "cd44"]));
  const generated = YAML.parse(files["docker-compose.yml"], { merge: true });
  expect(generated.services.cd44.environment.CD44_PORT).toBe("4020");
  expect(generated.services.cd44.expose).toEqual(["4020"]);
  expect(generated.services.gateway.environment.SUBGRAPH_URL_CD44).toBe("http://cd44:4020/graphql");
  expect(generated.services.gateway.depends_on.cd44).toEqual({ condition: "service_healthy" });
  const router = YAML.parse(files[path.join("deploy", "hive-router.config.yaml")]);
  expect(router.override_subgraph_urls.subgraphs.cd44.url).toBe("http://router-signer:4090/cd44/graphql");
});

test("docker-compose.yml is consistent with the code", () => {
  expect(check()).toEqual([]);
});

test("every registered subgraph has its service, reached by the gateway on the port it listens on", () => {
  const services = compose().services;
  for (const subgraph of registry) {
    expect(services[subgraph.name]?.command).toEqual(["node", `dist/subgraphs/${subgraph.name}/index.js`]);
    expect(services.gateway.environment[`SUBGRAPH_URL_${subgraph.name.toUpperCase()}`]).toMatch(
      new RegExp(`^http://${subgraph.name}:\\d+/graphql$`),
    );
  }
});

describe("the checker catches", () => {
  const caught = (mutate: (file: Json) => void, pattern: RegExp, options?: Parameters<typeof check>[1]) => {
    const file = compose();
    mutate(file);
    const problems = check(file, options);
    expect(problems.some((p) => pattern.test(p)) ? pattern : problems).toEqual(pattern);
  };

  test("a registered subgraph without a service", () =>
    caught((f) => {
      delete f.services.caf;
    }, /registered subgraph caf has no service/));
  test("a subgraph registered later, unknown to compose and the router", () => {
    const extra = { name: "cd44", routingUrl: "http://127.0.0.1:4020/graphql", schemaFile: "x" };
    caught(() => undefined, /SUBGRAPH_URL_CD44 is not set/, { registry: [...registry, extra] });
    caught(() => undefined, /no URL for subgraph cd44/, { registry: [...registry, extra] });
  });
  test("a gateway URL on the wrong port", () =>
    caught((f) => {
      f.services.gateway.environment.SUBGRAPH_URL_HUB = "http://hub:4011/graphql";
    }, /uses port 4011, hub listens on 4010/));
  test("a port variable that moves a subgraph away from its URL and health check", () =>
    caught((f) => {
      f.services.dreets.environment.DREETS_PORT = "4102";
    }, /dreets: health check probes port 4002, the service listens on 4102/));
  test("a command built from no source", () =>
    caught((f) => {
      f.services.ars.command = ["node", "dist/subgraphs/ars/main.js"];
    }, /subgraphs\/ars\/main.ts missing/));
  test("a health check on a path nobody serves", () =>
    caught((f) => {
      f.services.maisons.healthcheck.test[3] = "fetch('http://127.0.0.1:4004/healthz')";
    }, /probes \/healthz/));
  test("a published subgraph", () =>
    caught((f) => {
      f.services.caf.ports = ["4003:4003"];
    }, /caf must not publish ports/));
  test("a subgraph on a network with a way out", () =>
    caught((f) => {
      f.services.caf.networks = ["edge"];
    }, /caf must be on internal networks only/));
  test("a missing variable the code requires", () =>
    caught((f) => {
      delete f.services.hub.environment.HUB_HMAC_SECRET;
    }, /hub: its configuration is refused by the code: HUB_HMAC_SECRET/));
  test("a subgraph listening on 127.0.0.1 inside its container", () =>
    caught((f) => {
      delete f.services.ars.environment.HOST;
    }, /ars: HOST must be 0.0.0.0/));
  test("a secret with a default value", () =>
    caught((f) => {
      f.services.postgres.environment.POSTGRES_PASSWORD = "${POSTGRES_PASSWORD:-postgres}";
    }, /POSTGRES_PASSWORD.*never defaulted/));
  test("a required secret missing from .env", () =>
    caught(() => undefined, /required variable HUB_HMAC_SECRET is missing/, { env: { POSTGRES_PASSWORD: "x" } }));
  test("a gateway that starts before the subgraphs are ready", () =>
    caught((f) => {
      delete f.services.gateway.depends_on.maisons;
    }, /gateway must wait for maisons/));
  test("an unpinned third-party image", () =>
    caught((f) => {
      f.services.router.image = "ghcr.io/graphql-hive/router:latest";
    }, /must be pinned/));
  test("a gateway without the shared cache", () =>
    caught((f) => {
      delete f.services.gateway.environment.RESPONSE_CACHE_REDIS_URL;
    }, /gateway: RESPONSE_CACHE_REDIS_URL is not set/));
  test("a gateway that starts before its Redis", () =>
    caught((f) => {
      delete f.services.gateway.depends_on.redis;
    }, /gateway must wait for redis/));
  test("a cache Redis that persists, or may evict a version", () => {
    caught((f) => {
      f.services.redis.command = ["redis-server", "--maxmemory-policy", "volatile-lru"];
    }, /redis: the cache must not persist/);
    caught((f) => {
      f.services.redis.command = ["redis-server", "--save", "", "--appendonly", "no", "--maxmemory-policy", "allkeys-lru"];
    }, /redis: --maxmemory-policy must evict only keys with a TTL/);
  });
  test("a subgraph container whose imports would not stamp the cache", () =>
    caught((f) => {
      f.services.caf.environment.RESPONSE_CACHE_REDIS_URL = "";
    }, /caf: an import run there would not stamp the gateway's cache/));
  test("two services published on one host port", () =>
    caught((f) => {
      f.services.router.ports = ["${GATEWAY_PUBLISHED_PORT:-4000}:4000"];
    }, /publish the same host port 4000/));
});

describe("Dockerfile", () => {
  const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  test("multi-stage: built with npm run build, runtime with production dependencies only", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/npm (prune|ci) [^\n]*--omit=dev/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
    expect(runtime).not.toMatch(/^COPY (subgraphs|gateway|scripts) /m);
  });

  test("runs as a non-root user, from /app, with what the services read at start", () => {
    expect(runtime).toMatch(/^USER (?!root)\w+/m);
    expect(runtime).toMatch(/^WORKDIR \/app$/m);
    expect(runtime).toMatch(/^COPY schema schema$/m);
    expect(runtime).toMatch(/^COPY --from=\S+ \/app\/dist dist$/m);
    // every folder the build compiles is copied into the build stage
    const build = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts.build as string).split(/\s+/);
    const folders = build.slice(build.indexOf("swc") + 1, build.indexOf("-d"));
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      expect({ folder, copied: new RegExp(`^COPY ${folder} ${folder}$`, "m").test(dockerfile) }).toEqual({ folder, copied: true });
    }
  });

  test("built on the Node.js major of .node-version, with the bill of materials in the image", () => {
    const major = fs.readFileSync(path.join(root, ".node-version"), "utf8").trim().split(".")[0];
    const image = /^ARG NODE_IMAGE=node:(\d+)[-.]/m.exec(dockerfile)?.[1];
    expect(image).toBe(major);
    expect(dockerfile).not.toMatch(/^FROM node:/m);
    expect(dockerfile).toMatch(/^RUN npm run sbom$/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/sbom\.cdx\.json sbom\.cdx\.json$/m);
  });

  test(".dockerignore keeps local installs, builds, data and secrets out", () => {
    const ignored = fs
      .readFileSync(path.join(root, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const entry of ["node_modules", "dist", "data", ".env", ".git"]) expect(ignored).toContain(entry);
  });
});
