/** The working day's section of bench/RESULTS.md, in French. */
import { WorkingDayResults } from "./working-day-run";
import { WorkingDayReport } from "./working-day";
import { describeCache } from "./working-day-cache";

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
const lookupsOf = (r: WorkingDayReport) => r.hits + r.joined + r.misses;
/** Reads answered without a computation of their own: from the cache, or joined to the same answer's computation in flight. */
export const hitRate = (r: WorkingDayReport) => (lookupsOf(r) ? (r.hits + r.joined) / lookupsOf(r) : 0);
/** Reads answered from the cache alone. */
const storedRate = (r: WorkingDayReport) => (lookupsOf(r) ? r.hits / lookupsOf(r) : 0);
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const memory = (r: WorkingDayReport) =>
  r.rssMb.length ? `${r.rssMb[0]} → ${r.rssMb[r.rssMb.length - 1]} Mo (max ${Math.max(...r.rssMb)})` : "—";

export function renderWorkingDay(results: WorkingDayResults): string {
  const { settings, cache, warm, all, scoped, apart } = results;
  const rows = (
    [
      ["sans écriture (cache chaud)", warm],
      ["invalidation de tout (avant)", all],
      ["invalidation ciblée", scoped],
      ["invalidation ciblée, sans jonction", apart],
    ] as const
  ).map(
    ([label, r]) =>
      `| ${label} | ${r.writes} (${r.writeFailures} refusées) | ${percent(hitRate(r))} | ${percent(storedRate(r))} · ${r.joined} jointe(s) | ${r.throughput.toFixed(1)} | ${r.stale} | ${memory(r)} |`,
  );
  const operations = Object.keys(scoped.reads);
  const latency = operations.map((name) => {
    const cells = [warm, all, scoped, apart].map((r) => `${ms(r.reads[name].p50)} / ${ms(r.reads[name].p95)}`);
    const ratio = scoped.reads[name].p95 / warm.reads[name].p95;
    return `| ${name} | ${cells.join(" | ")} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "—"} |`;
  });
  const worst = Math.max(...operations.map((name) => scoped.reads[name].p95 / warm.reads[name].p95).filter(Number.isFinite));
  return [
    "## Journée de travail (lectures et écritures mêlées)",
    "",
    `${settings.readers} lecteurs en boucle fermée pendant ${settings.durationS} s par configuration (après ${settings.warmupS} s des mêmes lectures sans écriture, non mesurées), sur toutes les régions, les départements des CAF, des milliers de structures et de dossiers et les premières pages de la liste nationale, tirés comme le trafic réel : quelques tableaux de bord, structures et dossiers sont lus bien plus souvent que les autres (le k-ième de n avec une probabilité décroissante, loi u²) ; pendant ce temps, ${settings.writesPerSecond} écriture(s) par seconde à travers la passerelle, avec un jeton, dans des territoires tirés au hasard (subventions CAF, crédits départementaux, lauréats). Après chaque écriture acquittée, une réponse qu'elle change est relue à travers le cache : une réponse qui ne la montre pas est comptée « périmée ». Chaque configuration a sa propre passerelle, neuve ; même tirage (graine fixe).`,
    "",
    describeCache(cache),
    "",
    "Une lecture qui manque le cache pendant que la même réponse est en calcul pour une autre lecture, sans écriture estampillée depuis, attend ce calcul (« jointe », `gateway/inflight-reads.ts`) ; « sans jonction » (`RESPONSE_CACHE_JOIN=off`) : chaque lecture manquée calcule la sienne. Le taux de succès compte les lectures servies sans calcul propre (par le cache ou jointes) ; la colonne suivante, le cache seul.",
    "",
    "| configuration | écritures | taux de succès du cache | dont servies par le cache · jointes | lectures/s | réponses périmées | RSS passerelle (début → fin) |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "p50 / p95 en ms par lecture :",
    "",
    "| Opération | sans écriture | invalidation de tout | invalidation ciblée | ciblée, sans jonction | p95 ciblée ÷ p95 cache chaud |",
    "| --- | --- | --- | --- | --- | --- |",
    ...latency,
    "",
    `- Objectif « taux de succès d'au moins 80 % à 1 écriture/s, zéro réponse périmée » : ${hitRate(scoped) >= 0.8 && scoped.stale === 0 ? "atteint" : "**non atteint**"} (${percent(hitRate(scoped))}, dont ${percent(storedRate(scoped))} par le cache seul, ${scoped.stale} périmée(s) ; avant : ${percent(hitRate(all))} ; sans jonction : ${percent(hitRate(apart))}, ${apart.stale} périmée(s)).`,
    `- Objectif « p95 de chaque lecture sous 3× son p95 à cache chaud » : ${worst < 3 ? "atteint" : "**non atteint**"} (pire rapport ${Number.isFinite(worst) ? worst.toFixed(2) : "—"}×).`,
    "",
  ].join("\n");
}
