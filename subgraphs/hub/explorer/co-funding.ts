import { Cents, sumCents } from "../../domain/money";
import { groupBy } from "../../platform/graphql/batch";
import { FundingDetailData } from "../contribution-fields";
import { byFrenchName, countedDetails } from "./counted-details";

export interface CoFundingPairData {
  /** The two funders, in French alphabetical order. */
  firstFunder: string;
  secondFunder: string;
  /** SIRETs on which both have counted money. */
  structures: number;
  /** Dossier references on which both have counted money. */
  dossiers: number;
  /** What each of the two put on what they share: its lines whose SIRET or dossier is shared by the pair. */
  firstCents: Cents;
  secondCents: Cents;
}

const intersection = (a: ReadonlySet<string>, b: ReadonlySet<string>) => new Set([...a].filter((x) => b.has(x)));
const valuesOf = (lines: readonly FundingDetailData[], key: (d: FundingDetailData) => string | null | undefined) =>
  new Set(lines.map(key).filter((v): v is string => !!v));

/**
 * Who co-finances with whom in a territory and a year (schema/README.md, "Who co-finances with
 * whom"): every pair of funders that both have counted money (after reconciliation, lines of 0 €
 * aside) on the same structure (SIRET) or the same dossier reference. Sorted by what they share
 * (structures + dossiers) descending, then by the two names. The territory's lines only: a funder
 * alone, or two funders with nothing in common, make no pair.
 */
export function coFundingPairs(details: readonly FundingDetailData[], year: number): CoFundingPairData[] {
  const funders = [...groupBy(countedDetails(details, year), (d) => d.funder)]
    .sort(([a], [b]) => byFrenchName(a, b))
    .map(([name, lines]) => ({ name, lines, sirets: valuesOf(lines, (d) => d.siret), dossiers: valuesOf(lines, (d) => d.dossier) }));
  const pairs: CoFundingPairData[] = [];
  for (const [i, first] of funders.entries()) {
    for (const second of funders.slice(i + 1)) {
      const sharedSirets = intersection(first.sirets, second.sirets);
      const sharedDossiers = intersection(first.dossiers, second.dossiers);
      if (sharedSirets.size === 0 && sharedDossiers.size === 0) continue;
      const onShared = (funder: (typeof funders)[number]) =>
        sumCents(
          funder.lines
            .filter((d) => (!!d.siret && sharedSirets.has(d.siret)) || (!!d.dossier && sharedDossiers.has(d.dossier)))
            .map((d) => d.cents),
        );
      pairs.push({
        firstFunder: first.name,
        secondFunder: second.name,
        structures: sharedSirets.size,
        dossiers: sharedDossiers.size,
        firstCents: onShared(first),
        secondCents: onShared(second),
      });
    }
  }
  return pairs.sort(comparePairs);
}

/** Where a pair sits in the order of the answer: shared count, then the two names. */
export interface PairPosition {
  shared: number;
  firstFunder: string;
  secondFunder: string;
}

/** Most shared structures and dossiers first, then by the two names (French collation). */
export function comparePairs(a: PairPosition | CoFundingPairData, b: PairPosition | CoFundingPairData): number {
  const shared = (p: PairPosition | CoFundingPairData) => ("shared" in p ? p.shared : p.structures + p.dossiers);
  return shared(b) - shared(a) || byFrenchName(a.firstFunder, b.firstFunder) || byFrenchName(a.secondFunder, b.secondFunder);
}
