/** The profile and growth scenarios' tables (bench/profile.ts), in French as bench/RESULTS.md. */
import { ProfileRow } from "./profile";

const ms = (value: number) => value.toFixed(2);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (row: ProfileRow, pick: (c: ProfileRow["subgraphs"][string]) => number) =>
  Object.values(row.subgraphs).reduce((total, cost) => total + pick(cost), 0);
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** Where a request's time goes: the gateway's phases, then each subgraph's call. */
export function renderProfile(rows: readonly ProfileRow[]): string {
  const gateway = table(
    [
      "Opération",
      "variante",
      "client ms",
      "passerelle ms (requête HTTP)",
      "analyse",
      "validation",
      "exécution",
      "dont appels aux sous-graphes (mur)",
      "dont plan, fusion, greffons",
      "HMAC (signature, mur)",
      "JSON.stringify",
      "reste (HTTP, greffons hors exécution)",
    ],
    rows.map((r) => {
      const g = r.gateway;
      const outside = (g.requestMs ?? 0) - (g.parseMs ?? 0) - (g.validateMs ?? 0) - (g.executeMs ?? 0) - (g.stringifyMs ?? 0);
      return [
        r.operation,
        r.variant || "—",
        ms(r.clientMs),
        ms(g.requestMs ?? 0),
        ms(g.parseMs ?? 0),
        ms(g.validateMs ?? 0),
        ms(g.executeMs ?? 0),
        ms(g.subgraphWallMs ?? 0),
        ms((g.executeMs ?? 0) - (g.subgraphWallMs ?? 0)),
        ms(g.hmacMs ?? 0),
        ms(g.stringifyMs ?? 0),
        ms(outside),
      ];
    }),
  );
  const subgraphs = table(
    [
      "Opération",
      "variante",
      "sous-graphe",
      "appels",
      "ms vus par la passerelle",
      "ms dans le sous-graphe",
      "dont SQL",
      "dont JSON.stringify",
      "dont HMAC (vérification)",
      "requêtes SQL",
      "Ko reçus → envoyés",
    ],
    rows.flatMap((r) =>
      Object.entries(r.subgraphs)
        .filter(([, c]) => c.calls > 0)
        .map(([name, c]) => [
          r.operation,
          r.variant || "—",
          name,
          c.calls.toFixed(1),
          ms(c.gatewayMs),
          ms(c.subgraphMs),
          ms(c.sqlMs),
          ms(c.stringifyMs),
          ms(c.hmacMs),
          c.sqlStatements.toFixed(1),
          `${kb(c.bytesIn)} → ${kb(c.bytesOut)}`,
        ]),
    ),
  );
  return `${renderCuts(rows)}${gateway}\n\nPar appel aux sous-graphes (sommes par requête ; « ms vus par la passerelle » additionne les appels, même parallèles) :\n\n${subgraphs}`;
}

/** Each variant's client time and gateway signing beside the first's (the cuts' before/after), when there are several. */
function renderCuts(rows: readonly ProfileRow[]): string {
  const variants = [...new Set(rows.map((r) => r.variant))];
  if (variants.length < 2) return "";
  const operations = [...new Set(rows.map((r) => r.operation))];
  const find = (operation: string, variant: string) => rows.find((r) => r.operation === operation && r.variant === variant);
  const inSubgraphs = (r: ProfileRow) => sum(r, (c) => c.subgraphMs);
  const cell = (r: ProfileRow | undefined, base: ProfileRow | undefined, pick: (r: ProfileRow) => number) =>
    r && base ? `${ms(pick(r))} (${(pick(r) / pick(base)).toFixed(2)}×)` : "—";
  const cuts = table(
    ["Opération", ...variants.flatMap((v) => [`${v} : client ms`, `${v} : ms dans les sous-graphes (somme)`, `${v} : HMAC passerelle ms`])],
    operations.map((operation) => {
      const base = find(operation, variants[0]);
      return [
        operation,
        ...variants.flatMap((v) => {
          const r = find(operation, v);
          return [cell(r, base, (x) => x.clientMs), cell(r, base, inSubgraphs), r ? ms(r.gateway.hmacMs ?? 0) : "—"];
        }),
      ];
    }),
  );
  return `Coupes, mesurées côte à côte (entre parenthèses : rapport à « ${variants[0]} ») :\n\n${cuts}\n\n`;
}

/** Cost per request against the data's size: what must stay flat (subgraph calls) and what grows. */
export function renderGrowth(rows: readonly ProfileRow[]): string {
  return table(
    [
      "Opération",
      "échelle",
      "requêtes SQL",
      "appels aux sous-graphes",
      "Ko passerelle ↔ sous-graphes",
      "Ko au client",
      "client ms",
      "SQL ms",
      "JSON.stringify ms (sous-graphes + passerelle)",
    ],
    rows.map((r) => [
      r.operation,
      `${r.scale}×`,
      sum(r, (c) => c.sqlStatements).toFixed(1),
      sum(r, (c) => c.calls).toFixed(1),
      kb(sum(r, (c) => c.bytesIn + c.bytesOut)),
      kb(r.clientBytes),
      ms(r.clientMs),
      ms(sum(r, (c) => c.sqlMs)),
      ms(sum(r, (c) => c.stringifyMs) + (r.gateway.stringifyMs ?? 0)),
    ]),
  );
}
