/**
 * The map-by-source fixture (fictitious data): a few funding lines of every family in Pays de la
 * Loire, Occitanie and La Réunion, for one year. The figures test/e2e/map-sources.e2e.test.ts
 * expects, by hand: region 52 CAF 5 200,75 (3 000,50 + 700 + 1 500,25), FIR 40 000,10, all sources
 * 65 546,52; region 76 CAF 2 222,22; region 04 other funders 6 000; department 44 CAF 3 700,50,
 * 44 and 49 FIR 20 000,05 each (40 000,10 shared), 34 departmental credits 999,99.
 */
import { Axis, FundingSource } from "../../subgraphs/domain/enums";
import { MaisonDecision } from "../../subgraphs/maisons/maison.entities";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { call, credit, grant, laureate, maison, testSiret } from "./fixtures";

export async function seedMapSources(s: Record<string, SubgraphServer>, year: number) {
  // Pays de la Loire: ARS over 44 and 49 (shared 20 000,05 each), DREETS in 44, CAF 44 and 49, a departmental credit in 44.
  const health = await call(s, "ars", { regionCode: "52", year, axes: [Axis.SCREENING_CONTINUITY] });
  const social = await call(s, "dreets", { regionCode: "52", year, axes: [Axis.PARENT_ISOLATION] });
  await laureate(s, "ars", health, {
    siret: testSiret(701),
    amount: 40_000.1,
    departments: ["44", "49"],
    axes: [Axis.SCREENING_CONTINUITY],
  });
  await laureate(s, "dreets", social, { siret: testSiret(702), amount: 12_345.67, departments: ["44"], axes: [Axis.PARENT_ISOLATION] });
  await grant(s, { departmentCode: "44", year, fund: FundingSource.CAF_FNP, siret: testSiret(703), amount: 3_000.5 });
  await grant(s, { departmentCode: "44", year, fund: FundingSource.FIPE, siret: testSiret(704), amount: 700 });
  await grant(s, { departmentCode: "49", year, fund: FundingSource.CAF_LAEP, siret: testSiret(705), amount: 1_500.25 });
  await credit(s, { departmentCode: "44", year, siret: testSiret(706), amountCents: 800_000 });
  // Occitanie: a CAF grant in 31, a departmental credit in 34.
  await grant(s, { departmentCode: "31", year, fund: FundingSource.CAF_REAAP, siret: testSiret(707), amount: 2_222.22 });
  await credit(s, { departmentCode: "34", year, siret: testSiret(708), amountCents: 99_999 });
  // La Réunion: a Maison budgeted by a local authority and another funder.
  await maison(s, {
    territoryCode: "04",
    carriers: [testSiret(709)],
    decision: MaisonDecision.LABELLED,
    criteria: {},
    budget: [
      { year, source: FundingSource.LOCAL_AUTHORITY, amount: 1_000 },
      { year, source: FundingSource.OTHER, amount: 5_000 },
    ],
  });
}
