/**
 * Checks docker-compose.yml against the code, without a Docker engine: every service's image or
 * build, command, ports, environment and health check must agree with what the code reads and
 * serves. Returns the problems found (empty when consistent), so a test can also prove that a
 * broken file is caught.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { readDatabaseConfig } from "../../subgraphs/platform/config";
import { readSubgraphPort } from "../../subgraphs/platform/server/subgraph-config";
import { readAuthConfig } from "../../subgraphs/platform/auth/config";
import { RegisteredSubgraph } from "../../subgraphs/platform/federation/registry";
import { readGatewayConfig } from "../../gateway/config";
import { readSignerConfig } from "../../gateway/router-signer/config";
import { findRoute, GATEWAY_ROUTES } from "../../gateway/routes";
import { interpolate, Interpolation } from "./compose-interpolate";
import { checkResponseCacheRedis } from "./compose-redis-check";
import { Json } from "./json";

export interface ComposeCheckInput {
  /** docker-compose.yml as parsed (before interpolation). */
  compose: Json;
  registry: RegisteredSubgraph[];
  /** Repository root: sources, Dockerfile, mounted files. */
  root: string;
  /** The environment compose would read (.env); required variables must be in it. */
  env: Record<string, string>;
  /** A readable placeholder for mounted files that do not exist in a fresh clone (keys). */
  placeholderFile: string;
}

/** Where the image's working directory is: `dist/…` and `schema/…` are relative to it. */
const IMAGE_WORKDIR = "/app";
const ROUTER_IMAGE = "ghcr.io/graphql-hive/router";

export function loadCompose(file: string): Json {
  return YAML.parse(fs.readFileSync(file, "utf8"), { merge: true });
}

interface Entry {
  kind: "subgraph" | "gateway" | "signer";
  source: string;
  subgraph?: string;
}

export function checkCompose(input: ComposeCheckInput): string[] {
  const problems: string[] = [];
  const { root, registry } = input;
  const interpolation: Interpolation = { env: input.env, problems, secrets: [] };
  const compose = interpolate(input.compose, interpolation);
  const services: Record<string, Json> = compose.services ?? {};
  const networks: Record<string, Json> = compose.networks ?? {};
  const registered = new Set(registry.map((s) => s.name));
  const ours = Object.entries(services).filter(([, s]) => s.build);
  const ourImages = new Set(ours.map(([, s]) => s.image));
  const entries = new Map<string, Entry>();
  const ports = new Map<string, number>();

  for (const secret of interpolation.secrets) problems.push(`secret ${secret} must be required (\${VAR:?message}), never defaulted`);
  if (ourImages.size !== 1) problems.push(`every built service must share one image, found: ${[...ourImages].join(", ")}`);

  for (const [name, service] of Object.entries(services)) {
    const where = `service ${name}`;
    for (const network of service.networks ?? []) if (!networks[network]) problems.push(`${where}: network ${network} is not declared`);
    if (service.build) {
      const dockerfile = path.join(root, service.build.context ?? ".", service.build.dockerfile ?? "Dockerfile");
      if (!fs.existsSync(dockerfile)) problems.push(`${where}: ${dockerfile} does not exist`);
      const entry = entryOf(service.command, root, problems, where);
      if (entry) entries.set(name, entry);
    } else if (!service.image) {
      problems.push(`${where}: neither build nor image`);
    } else if (!/:[\w][\w.-]*$/.test(service.image) || /:latest$/.test(service.image)) {
      problems.push(`${where}: image ${service.image} must be pinned to a version`);
    }
  }

  // Ports and environment, as the code reads them.
  for (const [name, entry] of entries) {
    const service = services[name];
    const where = `service ${name}`;
    const env = containerEnv(service, compose, root, input.placeholderFile, problems, where);
    try {
      if (entry.kind === "subgraph") {
        const subgraph = entry.subgraph!;
        if (!registered.has(subgraph)) problems.push(`${where}: runs subgraph ${subgraph}, which schema/supergraph.yaml does not register`);
        if (!readDatabaseConfig(env).url) problems.push(`${where}: DATABASE_URL is not set (SQLite inside a container is lost with it)`);
        readAuthConfig(env);
        if (env.HOST !== "0.0.0.0") problems.push(`${where}: HOST must be 0.0.0.0 in a container, got ${env.HOST ?? "(unset: 127.0.0.1)"}`);
        ports.set(name, readSubgraphPort(subgraph, { SCHEMA_DIR: path.join(root, "schema"), ...env }));
      } else if (entry.kind === "gateway") {
        const config = readGatewayConfig(env);
        if (config.host !== "0.0.0.0") problems.push(`${where}: GATEWAY_HOST must be 0.0.0.0 in a container`);
        if (!fileInImage(config.supergraphFile, root))
          problems.push(`${where}: SUPERGRAPH_FILE ${config.supergraphFile} is not in the image`);
        ports.set(name, config.port);
      } else {
        const config = readSignerConfig(env);
        if (config.host !== "0.0.0.0") problems.push(`${where}: SIGNER_HOST must be 0.0.0.0 in a container`);
        ports.set(name, config.port);
      }
    } catch (error) {
      problems.push(`${where}: its configuration is refused by the code: ${(error as Error).message}`);
    }
  }

  const subgraphService = (subgraph: string) => [...entries].find(([, e]) => e.kind === "subgraph" && e.subgraph === subgraph)?.[0];
  for (const subgraph of registered) if (!subgraphService(subgraph)) problems.push(`registered subgraph ${subgraph} has no service`);

  // Where the gateway and the signing hop reach the subgraphs.
  for (const [name, entry] of entries) {
    if (entry.kind === "subgraph") continue;
    const urls = subgraphUrls(services[name].environment ?? {});
    for (const subgraph of registered)
      if (!urls[subgraph])
        problems.push(
          `service ${name}: SUBGRAPH_URL_${subgraph.toUpperCase()} is not set (the routing URL 127.0.0.1 is unreachable from a container)`,
        );
    for (const [subgraph, url] of Object.entries(urls)) {
      if (!registered.has(subgraph)) problems.push(`service ${name}: SUBGRAPH_URL_${subgraph.toUpperCase()} names no registered subgraph`);
      else checkReach(name, url, subgraphService(subgraph), "/graphql", services, ports, problems);
    }
  }

  // Health checks: the path each one probes is served by the code, on the service's port.
  for (const [name, service] of Object.entries(services)) {
    const entry = entries.get(name);
    const check = service.healthcheck;
    if (!entry) {
      if (String(service.image).startsWith("postgres:")) {
        if (!JSON.stringify(check?.test ?? "").includes("pg_isready")) problems.push(`service ${name}: health check must run pg_isready`);
      } else if (String(service.image).startsWith(`${ROUTER_IMAGE}:`)) {
        if (check?.disable !== true)
          problems.push(`service ${name}: the router image has no shell; its health check must be disabled explicitly`);
      } else if (!check?.test) problems.push(`service ${name}: no health check`);
      continue;
    }
    const probe = /https?:\/\/(127\.0\.0\.1|localhost):(\d+)(\/[\w/-]*)/.exec(JSON.stringify(check?.test ?? ""));
    if (!probe) {
      problems.push(`service ${name}: no HTTP health check on localhost`);
      continue;
    }
    if (Number(probe[2]) !== ports.get(name))
      problems.push(`service ${name}: health check probes port ${probe[2]}, the service listens on ${ports.get(name)}`);
    if (!servedHealthPaths(entry.kind, root).includes(probe[3]))
      problems.push(`service ${name}: health check probes ${probe[3]}, which the code does not serve`);
  }

  const routerPort = checkRouter(services, compose, registry, root, ports, problems);
  checkExposure(services, networks, entries, ports, routerPort, problems);
  checkDependencies(services, entries, problems);
  checkPostgres(services, entries, problems);
  const named = (kind: Entry["kind"]) => [...entries].filter(([, e]) => e.kind === kind).map(([name]) => name);
  for (const gateway of named("gateway")) checkResponseCacheRedis(services, gateway, named("subgraph"), problems);
  return problems;
}

/** `["node", "dist/x/y.js"]` → the TypeScript entry it was built from, and what it runs. */
function entryOf(command: Json, root: string, problems: string[], where: string): Entry | null {
  if (!Array.isArray(command) || command[0] !== "node" || typeof command[1] !== "string") {
    problems.push(`${where}: command must be ["node", "dist/….js"] (exec form), got ${JSON.stringify(command)}`);
    return null;
  }
  const match = /^dist\/(.+)\.js$/.exec(command[1]);
  const source = match && `${match[1]}.ts`;
  if (!source || !fs.existsSync(path.join(root, source))) {
    problems.push(`${where}: ${command[1]} is built from no source file (${source ?? "?"} missing)`);
    return null;
  }
  const build = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts.build as string;
  if (!build.split(/\s+/).includes(source.split("/")[0]))
    problems.push(`${where}: npm run build does not compile ${source.split("/")[0]}/`);
  if (!fs.readFileSync(path.join(root, source), "utf8").includes("require.main === module"))
    problems.push(`${where}: ${source} does not start anything when run`);
  const subgraph = /^subgraphs\/([a-zA-Z0-9]+)\/index\.ts$/.exec(source);
  if (subgraph) return { kind: "subgraph", source, subgraph: subgraph[1] };
  if (source === "gateway/index.ts") return { kind: "gateway", source };
  if (source === "gateway/router-signer/index.ts") return { kind: "signer", source };
  problems.push(`${where}: ${source} is not a service entry point`);
  return null;
}

/**
 * The environment inside the container; a path that is a mounted file is swapped for the file
 * it mounts (or a placeholder when that file is made at install time, like the token key).
 */
function containerEnv(
  service: Json,
  compose: Json,
  root: string,
  placeholder: string,
  problems: string[],
  where: string,
): Partial<Record<string, string>> {
  const mounts = new Map<string, string>();
  for (const config of service.configs ?? []) {
    const source = compose.configs?.[config.source]?.file;
    if (!source) problems.push(`${where}: config ${config.source} is not declared`);
    else mounts.set(config.target, path.resolve(root, source));
  }
  const env: Partial<Record<string, string>> = {};
  for (const [key, value] of Object.entries((service.environment ?? {}) as Record<string, string | number | boolean | null>)) {
    const text = value === null ? "" : String(value);
    if (text.startsWith("/") && !text.startsWith(`${IMAGE_WORKDIR}/`) && /FILE|PATH/.test(key)) {
      const mounted = mounts.get(text);
      if (!mounted) problems.push(`${where}: ${key}=${text} is mounted by no config`);
      env[key] = mounted && fs.existsSync(mounted) ? mounted : placeholder;
    } else {
      env[key] = text.startsWith(`${IMAGE_WORKDIR}/`) ? path.join(root, text.slice(IMAGE_WORKDIR.length + 1)) : text;
    }
  }
  return env;
}

function fileInImage(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  if (relative.startsWith("..") || !fs.existsSync(file)) return false;
  const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
  return new RegExp(`^COPY\\s+${relative.split(path.sep)[0]}\\s`, "m").test(dockerfile);
}

function subgraphUrls(environment: Record<string, Json>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(environment)) {
    const match = /^SUBGRAPH_URL_([A-Z0-9_]+)$/.exec(key);
    if (match && value) urls[match[1].toLowerCase()] = String(value);
  }
  return urls;
}

/** A URL from one service to another: the host is the service, the port the one it listens on. */
function checkReach(
  from: string,
  url: string,
  to: string | undefined,
  pathname: string,
  services: Record<string, Json>,
  ports: Map<string, number>,
  problems: string[],
): void {
  const parsed = new URL(url);
  if (!to || parsed.hostname !== to) {
    problems.push(`service ${from}: ${url} must point at service ${to ?? "(none)"}`);
    return;
  }
  if (Number(parsed.port || 80) !== ports.get(to))
    problems.push(`service ${from}: ${url} uses port ${parsed.port}, ${to} listens on ${ports.get(to)}`);
  if (parsed.pathname !== pathname) problems.push(`service ${from}: ${url} must end with ${pathname}`);
  const shared = (services[from].networks ?? []).some((n: string) => (services[to].networks ?? []).includes(n));
  if (!shared) problems.push(`service ${from} and service ${to} share no network`);
}

/** The health paths each kind of service really serves, read from the code that serves them. */
function servedHealthPaths(kind: Entry["kind"], root: string): string[] {
  const served = (file: string, candidates: string[]) => {
    const code = fs.readFileSync(path.join(root, file), "utf8");
    return candidates.filter((p) => code.includes(`"${p}"`));
  };
  if (kind === "subgraph") return served("subgraphs/platform/server/subgraph-server.ts", ["/health", "/ready"]);
  if (kind === "signer") return served("gateway/router-signer/server.ts", ["/health"]);
  // Our route table's probes, and Hive Gateway's own unless gateway/server.ts renames them or a route shadows them.
  const routes = ["/health", "/ready"].filter((p) => findRoute(GATEWAY_ROUTES, "GET", p));
  const ours = fs.readFileSync(path.join(root, "gateway/server.ts"), "utf8");
  if (/healthCheckEndpoint|readinessCheckEndpoint/.test(ours)) return routes;
  return [
    ...routes,
    ...served("node_modules/@graphql-hive/gateway-runtime/dist/index.js", ["/healthcheck", "/readiness"]).filter(
      (p) => !findRoute(GATEWAY_ROUTES, "GET", p),
    ),
  ];
}

/** Only the gateway and the router are published; everything else stays on internal networks. */
function checkExposure(
  services: Record<string, Json>,
  networks: Record<string, Json>,
  entries: Map<string, Entry>,
  ports: Map<string, number>,
  routerPort: number,
  problems: string[],
): void {
  const published = new Map<string, string>();
  for (const [name, service] of Object.entries(services)) {
    const kind = entries.get(name)?.kind;
    const isRouter = String(service.image).startsWith(`${ROUTER_IMAGE}:`);
    const onlyInternal =
      (service.networks ?? []).length > 0 && (service.networks ?? []).every((n: string) => networks[n]?.internal === true);
    if (kind !== "gateway" && !isRouter) {
      if (service.ports?.length) problems.push(`service ${name} must not publish ports`);
      if (!onlyInternal) problems.push(`service ${name} must be on internal networks only`);
      const port = ports.get(name);
      if (port !== undefined && !(service.expose ?? []).map(String).includes(String(port)))
        problems.push(`service ${name}: expose must list its port ${port}`);
      continue;
    }
    if (onlyInternal) problems.push(`service ${name} is published but on internal networks only`);
    const containerPort = kind === "gateway" ? ports.get(name) : routerPort;
    const mappings = (service.ports ?? []).map((p: Json) => String(p).split(":"));
    if (!mappings.some((m: string[]) => Number(m[m.length - 1]) === containerPort))
      problems.push(`service ${name}: must publish its port ${containerPort}`);
    for (const mapping of mappings) {
      const host = mapping.length > 1 ? mapping[mapping.length - 2] : mapping[0];
      if (published.has(host)) problems.push(`services ${published.get(host)} and ${name} publish the same host port ${host}`);
      published.set(host, name);
    }
  }
}

function checkDependencies(services: Record<string, Json>, entries: Map<string, Entry>, problems: string[]): void {
  const healthy = (from: string, to: string) => services[from].depends_on?.[to]?.condition === "service_healthy";
  for (const [name, entry] of entries) {
    if (entry.kind === "subgraph") continue;
    for (const [other, e] of entries)
      if (e.kind === "subgraph" && !healthy(name, other)) problems.push(`service ${name} must wait for ${other} to be healthy`);
  }
}

/** Every subgraph's DATABASE_URL points at the compose PostgreSQL with its user and database. */
function checkPostgres(services: Record<string, Json>, entries: Map<string, Entry>, problems: string[]): void {
  const [name, postgres] = Object.entries(services).find(([, s]) => String(s.image).startsWith("postgres:")) ?? [];
  if (!postgres) {
    problems.push("no PostgreSQL service");
    return;
  }
  if (!/^postgres:15[.-]/.test(postgres.image)) problems.push(`service ${name}: PostgreSQL 15 expected, got ${postgres.image}`);
  if (!postgres.volumes?.length) problems.push(`service ${name}: its data must live in a volume`);
  const { POSTGRES_USER: user, POSTGRES_DB: db, POSTGRES_PASSWORD: password } = postgres.environment ?? {};
  for (const [service, entry] of entries) {
    if (entry.kind !== "subgraph") continue;
    const url = new URL(String(services[service].environment?.DATABASE_URL ?? "postgres://none"));
    if (url.hostname !== name || url.username !== user || url.pathname !== `/${db}` || decodeURIComponent(url.password) !== password) {
      problems.push(`service ${service}: DATABASE_URL does not match service ${name} (user, password, database)`);
    }
    if (services[service].depends_on?.[name!]?.condition !== "service_healthy")
      problems.push(`service ${service} must wait for ${name} to be healthy`);
  }
}

/**
 * The router profile: the config file it mounts serves the committed supergraph to every
 * registered subgraph. Returns the port the router listens on.
 */
function checkRouter(
  services: Record<string, Json>,
  compose: Json,
  registry: RegisteredSubgraph[],
  root: string,
  ports: Map<string, number>,
  problems: string[],
): number {
  const [name, router] = Object.entries(services).find(([, s]) => String(s.image).startsWith(`${ROUTER_IMAGE}:`)) ?? [];
  if (!router) {
    problems.push("no Hive Router service (profile router)");
    return -1;
  }
  const mounted = (target: string) => {
    const source = (router.configs ?? []).find((c: Json) => c.target === target)?.source;
    return source && compose.configs?.[source]?.file ? path.resolve(root, compose.configs[source].file) : null;
  };
  const configFile = mounted(router.environment?.ROUTER_CONFIG_FILE_PATH ?? "/app/router.config.yaml");
  if (!configFile || !fs.existsSync(configFile)) {
    problems.push(`service ${name}: its configuration file is not mounted`);
    return -1;
  }
  const config = YAML.parse(fs.readFileSync(configFile, "utf8"));
  if (mounted(config.supergraph?.path) !== path.join(root, "schema/supergraph.graphql"))
    problems.push(`service ${name}: must serve the committed schema/supergraph.graphql`);
  if ((config.http?.host ?? "0.0.0.0") !== "0.0.0.0") problems.push(`service ${name}: http.host must be 0.0.0.0`);
  const overrides: Record<string, Json> = config.override_subgraph_urls?.subgraphs ?? {};
  const signer = Object.entries(services).find(([, s]) => JSON.stringify(s.command ?? "").includes("router-signer"))?.[0];
  for (const subgraph of registry) {
    const url = overrides[subgraph.name]?.url;
    if (typeof url !== "string") {
      problems.push(`service ${name}: no URL for subgraph ${subgraph.name} in ${path.relative(root, configFile)}`);
      continue;
    }
    // Subgraphs refuse unsigned requests: the router goes through the signing hop.
    checkReach(name!, url, signer, `/${subgraph.name}/graphql`, services, ports, problems);
  }
  for (const subgraph of Object.keys(overrides))
    if (!registry.some((s) => s.name === subgraph)) problems.push(`service ${name}: ${subgraph} is not a registered subgraph`);
  if (signer && services[name!].depends_on?.[signer]?.condition !== "service_healthy")
    problems.push(`service ${name} must wait for ${signer} to be healthy`);
  for (const profileless of [signer, name])
    if (profileless && !(services[profileless].profiles ?? []).includes("router"))
      problems.push(`service ${profileless} belongs in the router profile`);
  // Hive Router lets PORT override http.port.
  return Number(router.environment?.PORT ?? config.http?.port ?? 4000);
}
