/** bench/RESULTS.md: the machine, the date, the dataset, and each measurement in a table. */
import os from "node:os";
import { DatasetSamples } from "./dataset";
import { GatewayResult, OperationReport, Settings } from "./measure";
import { LoadResult } from "./load";

export interface RunInfo {
  date: Date;
  settings: Settings;
  counts: DatasetSamples["counts"];
  subgraphPeakRssMb: Record<string, number>;
  variants: string[];
  elapsedS: number;
  /** 1-minute load average at the start and at the end: other work on the machine skews the numbers. */
  load: [number, number];
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "—");
const rate = (v: number) => v.toFixed(1);
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "—");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const header = (cells: string[]) => [row(cells), row(cells.map(() => "---"))];

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "?"}, ${cpus.length} cœurs, ${Math.round(os.totalmem() / 1024 ** 3)} Go de RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** RegionDashboard's uncached p50 at 10 clients in bench/RESULTS.md when issue 14 was filed (3.2 s): the aim is a third of it. */
const REGION_DASHBOARD_BASELINE_P50_MS = 3200;
const AIM_RATIO = 1.5;
const AIM_OVERHEAD = 1.3;

/** Issue 14's aims read off this run (the working day's are in its own section). */
function aims(reports: OperationReport[], settings: Settings): string[] {
  const mark = (ok: boolean) => (ok ? "atteint" : "**non atteint**");
  const list = (values: { name: string; value: number }[]) => values.map((v) => `${v.name} ${ratio(v.value)}`).join(", ");
  const throughput = reports.map((r) => ({ name: r.name, value: r.engine.rps / r.apollo.rps }));
  const latency = reports.map((r) => ({ name: r.name, value: r.apollo.p50 / r.engine.p50 }));
  const overhead = reports.map((r) => ({ name: r.name, value: r.floor[0].ours.p50 / r.floor[0].floor.p50 }));
  const dashboard = reports.find((r) => r.name === "RegionDashboard");
  return [
    `- Sans cache, débit au moins ${AIM_RATIO}× celui de @apollo/gateway sur chaque lecture : ${mark(throughput.every((t) => t.value >= AIM_RATIO))} — ${list(throughput)}.`,
    `- Sans cache, p50 de @apollo/gateway au moins ${AIM_RATIO}× le nôtre sur chaque lecture : ${mark(latency.every((t) => t.value >= AIM_RATIO))} — ${list(latency)}.`,
    `- Surcoût de la passerelle à un client, sans cache (p50 ÷ plancher) au plus ${AIM_OVERHEAD}× : ${mark(overhead.every((o) => o.value <= AIM_OVERHEAD))} — ${list(overhead)}.`,
    dashboard
      ? `- RegionDashboard sans cache à ${settings.connections} clients, p50 au plus le tiers de ${REGION_DASHBOARD_BASELINE_P50_MS / 1000} s (${ms(REGION_DASHBOARD_BASELINE_P50_MS / 3)} ms) : ${mark(dashboard.engine.p50 <= REGION_DASHBOARD_BASELINE_P50_MS / 3)} (${ms(dashboard.engine.p50)} ms).`
      : "",
    "- Journée de travail (taux de succès, p95) : voir sa section.",
  ].filter(Boolean);
}

export function renderResults(info: RunInfo, reports: OperationReport[]): string {
  const { settings } = info;
  const subgraphs = Object.keys(reports[0]?.sqlPerRequest ?? {});
  const perSubgraph = (values: Record<string, number>) => subgraphs.map((n) => `${n} ${Number(values[n].toFixed(1))}`).join(" · ");
  const gatewayCells = (r: GatewayResult) => [rate(r.rps), ms(r.p50), ms(r.p95), ms(r.p99), `${r.peakRssMb} Mo`];
  const floorCells = (f: { floor: LoadResult; ours: LoadResult }) => [
    ms(f.floor.p50),
    ms(f.ours.p50),
    ratio(f.ours.p50 / f.floor.p50),
    ms(f.floor.p95),
    ms(f.ours.p95),
    ratio(f.ours.p95 / f.floor.p95),
  ];
  const lines = [
    "# Banc d'essai de la passerelle",
    "",
    `Produit par \`npm run bench\` le ${info.date.toISOString().slice(0, 16).replace("T", " ")} UTC, en ${Math.round(info.elapsedS)} s.`,
    "",
    `- Machine : ${machine()}. Tout tourne sur cette machine : chaque sous-graphe, chaque passerelle et le générateur de charge dans leur propre processus, qui se partagent les cœurs. Charge moyenne (1 min) au début ${info.load[0].toFixed(2)}, à la fin ${info.load[1].toFixed(2)}.`,
    `- Données (SQLite, une base par sous-graphe) : 18 régions, 101 départements, ${info.counts.healthProjects + info.counts.socialProjects} projets lauréats (${info.counts.healthProjects} santé, ${info.counts.socialProjects} social), ${info.counts.grants} subventions CAF, ${info.counts.structures} structures, ${info.counts.maisons} Maisons (5 territoires d'outre-mer).`,
    `- Charge : autocannon, ${settings.connections} clients, ${settings.durationS} s par opération au moins (plus pour une opération lente : colonne « durée »), après une chauffe de ${settings.warmupPerClient} requêtes par client et d'au moins une par jeu de variables ; entre deux mesures, on attend que les sous-graphes n'aient plus de requête en cours. Les variables tournent sur plusieurs jeux (régions, SIRET et dossiers cofinancés, pages de la liste nationale). Requêtes du contrat (\`../shared/contract/operations.graphql\`), sans jeton (lectures publiques).`,
    "",
    "## Objectifs (issue 14)",
    "",
    ...aims(reports, settings),
    "",
    `## Notre passerelle (Hive Gateway, planificateur Rust), ${settings.connections} clients`,
    "",
    "« production » : la configuration livrée, avec le cache des réponses publiques ; chaque jeu de variables a été demandé pendant la chauffe, les lectures sont donc servies par le cache (cache chaud : le cas d'un tableau de bord consulté par plusieurs personnes entre deux écritures). « sans cache » : chaque requête va jusqu'aux sous-graphes (le cas d'une première lecture, ou juste après une écriture). Coût d'une requête sans cache : requêtes SQL et appels aux sous-graphes, exacts, mesurés une requête à la fois.",
    "",
    ...header([
      "Opération",
      "configuration",
      "req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "RSS max passerelle",
      "requêtes SQL par requête",
      "appels aux sous-graphes par requête",
      "échecs",
      "durée",
    ]),
    ...reports.flatMap((r) => [
      row([r.name, "production", ...gatewayCells(r.ours), "", "", r.ours.failures, `${r.settings.durationS} s`]),
      row([
        r.name,
        "sans cache",
        ...gatewayCells(r.engine),
        perSubgraph(r.sqlPerRequest),
        perSubgraph(r.callsPerRequest),
        r.engine.failures,
        `${r.settings.durationS} s`,
      ]),
    ]),
    "",
    "## Face à @apollo/gateway (même supergraphe, mêmes sous-graphes, mêmes requêtes)",
    "",
    ...header([
      "Opération",
      "req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "RSS max",
      "débit production ÷ Apollo",
      "débit sans cache ÷ Apollo",
      "p50 Apollo ÷ sans cache",
      "réponses identiques",
      "échecs",
    ]),
    ...reports.map((r) =>
      row([
        r.name,
        ...gatewayCells(r.apollo),
        ratio(r.ours.rps / r.apollo.rps),
        ratio(r.engine.rps / r.apollo.rps),
        ratio(r.apollo.p50 / r.engine.p50),
        r.apolloMismatches === 0 ? "oui" : `non (${r.apolloMismatches} sur ${Math.min(r.variableSets, 20)})`,
        r.apollo.failures,
      ]),
    ),
    "",
    "## Face au plancher (les appels aux sous-graphes du plan, faits directement)",
    "",
    `Notre passerelle sans cache. Le plancher rejoue, sans passerelle, les requêtes que notre passerelle envoie aux sous-graphes pour la même opération, avec les mêmes dépendances (une requête attend celle dont elle a besoin, les branches parallèles restent parallèles). Même client HTTP pour les deux mesures, ${settings.floorS} s chacune au moins.`,
    "",
    ...header([
      "Opération",
      "clients",
      "plancher p50 ms",
      "passerelle p50 ms",
      "passerelle ÷ plancher (p50)",
      "plancher p95 ms",
      "passerelle p95 ms",
      "passerelle ÷ plancher (p95)",
    ]),
    ...reports.flatMap((r) => r.floor.map((f) => row([r.name, f.concurrency, ...floorCells(f)]))),
    "",
  ];
  if (info.variants.length) {
    lines.push(
      "## Options de vitesse de Hive Gateway",
      "",
      "Chaque variante change une option de notre passerelle sans cache, mesurée dans les mêmes conditions : `js-planner` remplace le planificateur Rust (@graphql-hive/router-runtime, retenu) par celui en JavaScript, `jit` ajoute le plugin JIT (@graphql-mesh/plugin-jit).",
      "",
      ...header([
        "Opération",
        "variante",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "RSS max",
        "débit ÷ sans cache",
        "p50 ÷ sans cache",
        "réponses identiques",
      ]),
      ...reports.flatMap((r) =>
        Object.entries(r.variants).map(([variant, v]) =>
          row([
            r.name,
            variant,
            ...gatewayCells(v),
            ratio(v.rps / r.engine.rps),
            ratio(v.p50 / r.engine.p50),
            v.mismatches === 0 ? "oui" : `non (${v.mismatches})`,
          ]),
        ),
      ),
      "",
    );
  }
  lines.push(
    "## Mémoire des sous-graphes",
    "",
    ...header(["Sous-graphe", "RSS max"]),
    ...Object.entries(info.subgraphPeakRssMb).map(([name, rss]) => row([name, `${rss} Mo`])),
    "",
  );
  return lines.join("\n");
}
