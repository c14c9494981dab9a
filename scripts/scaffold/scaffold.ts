/**
 * `npm run subgraph:new` as a library: validates the request, writes the subgraph's files from
 * the templates of this folder, and registers it. Refuses to overwrite anything.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { FUNDING_SOURCES_IN_ORDER } from "../../subgraphs/domain/enums";
import { deriveNames, Names, ORGANISATION_KINDS, OrganisationKind } from "./names";
import { entityTemplate, migrationTemplate } from "./entity.template";
import { writesTemplate } from "./writes.template";
import { funderTemplate } from "./funder.template";
import { indexTemplate } from "./index.template";
import { e2eTestTemplate } from "./e2e-test.template";
import { registerInSubgraphRegistry, registerInSupergraphYaml } from "./registration";

export interface ScaffoldRequest {
  /** Repository root to write into (the real one, or a copy in tests). */
  root: string;
  name: string;
  source?: string;
  org?: string;
  funder?: string;
  /** Default: the first port above 4000 that no registered routing URL uses. */
  port?: number;
  now?: () => number;
}

export interface ScaffoldResult {
  names: Names;
  /** Written or modified files, relative to the root. */
  files: string[];
}

export class ScaffoldError extends Error {}

const RESERVED = new Set(["platform", "domain", "hub", "registry", "gateway"]);
export const REGISTRY_YAML = path.join("schema", "supergraph.yaml");
export const REGISTRY_TS = path.join("subgraphs", "registry.ts");

export function scaffoldSubgraph(request: ScaffoldRequest): ScaffoldResult {
  const { root, name } = request;
  if (!/^[a-z][a-z0-9]{1,29}$/.test(name)) {
    throw new ScaffoldError(
      `Nom invalide « ${name} » : 2 à 30 caractères, lettres minuscules et chiffres, une lettre d'abord (par exemple collectivites).`,
    );
  }
  const source = request.source ?? "OTHER";
  if (!(FUNDING_SOURCES_IN_ORDER as readonly string[]).includes(source)) {
    throw new ScaffoldError(`Source de financement inconnue « ${source} » : une de ${FUNDING_SOURCES_IN_ORDER.join(", ")}.`);
  }
  const org = request.org ?? "cd";
  if (!(ORGANISATION_KINDS as readonly string[]).includes(org)) {
    throw new ScaffoldError(`Organisation inconnue « ${org} » : une de ${ORGANISATION_KINDS.join(", ")}.`);
  }
  const yamlFile = path.join(root, REGISTRY_YAML);
  const registryFile = path.join(root, REGISTRY_TS);
  const yaml = fs.readFileSync(yamlFile, "utf8");
  const registered = (YAML.parse(yaml) as { subgraphs?: Record<string, { routing_url?: string }> } | null)?.subgraphs ?? {};
  const dir = path.join(root, "subgraphs", name);
  const testFile = path.join("test", "e2e", `${name}.e2e.test.ts`);
  if (RESERVED.has(name) || name in registered || fs.existsSync(dir)) {
    throw new ScaffoldError(
      `Le sous-graphe « ${name} » existe déjà (subgraphs/${name}/ ou schema/supergraph.yaml) : choisissez un autre nom.`,
    );
  }
  if (fs.existsSync(path.join(root, testFile))) throw new ScaffoldError(`${testFile} existe déjà : rien n'est écrit.`);

  const usedPorts = new Set(Object.values(registered).map((s) => Number(s.routing_url ? new URL(s.routing_url).port : NaN)));
  let port = request.port ?? 4001;
  if (request.port === undefined) while (usedPorts.has(port)) port++;
  else if (usedPorts.has(port)) throw new ScaffoldError(`Le port ${port} est déjà celui d'un sous-graphe enregistré.`);

  const names = deriveNames({
    name,
    source,
    org: org as OrganisationKind,
    funder: request.funder,
    port,
    migrationTimestamp: (request.now ?? Date.now)(),
  });
  // Compute every edit before writing anything: a registry of an unexpected shape stops here.
  const yamlAfter = registerInSupergraphYaml(yaml, names);
  const registryAfter = registerInSubgraphRegistry(fs.readFileSync(registryFile, "utf8"), names);
  const files: [string, string][] = [
    [path.join("subgraphs", name, "grant.entity.ts"), entityTemplate(names)],
    [path.join("subgraphs", name, "initial.migration.ts"), migrationTemplate(names)],
    [path.join("subgraphs", name, "writes.ts"), writesTemplate(names)],
    [path.join("subgraphs", name, `${name}.funder.ts`), funderTemplate(names)],
    [path.join("subgraphs", name, "index.ts"), indexTemplate(names)],
    [testFile, e2eTestTemplate(names)],
  ];
  fs.mkdirSync(dir);
  for (const [file, text] of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true }); // a partner's repository may have no test/e2e yet
    fs.writeFileSync(path.join(root, file), text, { flag: "wx" });
  }
  fs.writeFileSync(yamlFile, yamlAfter);
  fs.writeFileSync(registryFile, registryAfter);
  return { names, files: [...files.map(([file]) => file), REGISTRY_YAML, REGISTRY_TS] };
}

/** What to do once the files are written, in the partner's words. */
export function nextSteps(n: Names): string {
  const token = n.org === "national" ? "national" : `${n.org}:<code>`;
  const steps: [string, string][] = [
    [
      `npx prettier --write subgraphs/${n.name} test/e2e/${n.name}.e2e.test.ts subgraphs/registry.ts`,
      "met le code généré en forme (npm test le vérifie)",
    ],
    ["npm run compose", `régénère schema/subgraphs/${n.name}.graphql, schema/supergraph.graphql, docker-compose.yml et deploy/`],
    [`npm run schema:check -- ${n.name} schema/subgraphs/${n.name}.graphql`, "composition, changements cassants, opérations du contrat"],
    [`npm run jest -- test/e2e/${n.name}`, "une ligne enregistrée compte dans crossFinancing"],
    ["npm start", `GraphiQL : mutation ${n.recordMutation}, jeton : npm run token -- ${token}`],
    [`git add subgraphs/${n.name} test/e2e/${n.name}.e2e.test.ts schema subgraphs/registry.ts docker-compose.yml deploy`, ""],
  ];
  return `Sous-graphe « ${n.name} » créé (port ${n.port}, source ${n.source}, écritures par ${token}).

Étapes suivantes :
${steps.map(([command, what], i) => `  ${i + 1}. ${command}${what ? `\n       ${what}` : ""}`).join("\n")}

Guide : docs/contribute-a-subgraph.md
`;
}
