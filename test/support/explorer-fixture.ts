import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { MaisonDecision } from "../../subgraphs/maisons/maison.entities";
import { DepartmentalProgramme } from "../../subgraphs/departements/departmental-credit.entity";
import { SubgraphServer } from "../../subgraphs/platform/server/subgraph-server";
import { call, credit, grant, laureate, maison, testSiret } from "./fixtures";

/**
 * The explorer's fixture (fictitious): in Pays de la Loire (52), 2024, five funders on four
 * structures; in La Réunion (04), a labelled Maison whose departmental forecast is replaced by the
 * credit the department records. The expected figures are computed by hand in the tests.
 *
 * | line | funder               | SIRET | dossier | departments | axes  | 2024 amount                 |
 * |------|----------------------|-------|---------|-------------|-------|-----------------------------|
 * | L1   | ARS Pays de la Loire | S1    | EXP-D1  | 44, 49      | 1, 3  | 10 000.01 (44: 5 000.01, 49: 5 000) |
 * | L2   | ARS Pays de la Loire | S2    | —       | 44          | 2     | 3 000                       |
 * | L3   | ARS Pays de la Loire | S3    | EXP-D3  | 44          | 6     | 7 000, WITHDRAWN: not counted |
 * | M1   | DREETS Pays de la Loire | S1 | EXP-D1  | 44, 49      | 3     | 4 000 (2 000 each)          |
 * | G1   | CAF 44               | S1    | —       | 44          | none  | 1 500 (FNP)                 |
 * | G2   | CAF 44               | S2    | EXP-D2  | 44          | 4, 6  | 800 (REAAP)                 |
 * | G3   | CAF 44               | S3    | EXP-D3  | 44          | 6     | 600 (LAEP)                  |
 * | G4   | CAF 49               | S4    | —       | 49          | 5     | 250.50 (FNP)                |
 * | G5   | CAF 44               | S1    | —       | 44          | none  | 999 in 2023                 |
 * | C1   | Conseil départemental 44 | S2 | EXP-D2 | 44          | 2     | 1 200                       |
 *
 * Maison EXP-MAISON (04, labelled, carriers S5 then S6), 2024 budget: FIR 50 000, DEPARTMENT
 * 20 000, CAF_FNP 10 000 (forecasts, no axes); the Conseil départemental 974 records 15 000 for
 * the dossier (axis 1), which replaces its 20 000 forecast.
 */
export const S = {
  1: testSiret(1501),
  2: testSiret(1502),
  3: testSiret(1503),
  4: testSiret(1504),
  5: testSiret(1505),
  6: testSiret(1506),
} as const;

export async function seedExplorerFixture(s: Record<string, SubgraphServer>): Promise<void> {
  const ars = await call(s, "ars", {
    regionCode: "52",
    year: 2024,
    axes: [Axis.SCREENING_CONTINUITY, Axis.HEALTH_PROMOTION, Axis.PARENT_ISOLATION, Axis.SECOND_PARENT],
  });
  await laureate(s, "ars", ars, {
    siret: S[1],
    amount: 10_000.01,
    departments: ["44", "49"],
    axes: [Axis.SCREENING_CONTINUITY, Axis.PARENT_ISOLATION],
    projectRef: "EXP-D1",
  });
  await laureate(s, "ars", ars, { siret: S[2], amount: 3_000, departments: ["44"], axes: [Axis.HEALTH_PROMOTION] });
  await laureate(s, "ars", ars, {
    siret: S[3],
    amount: 7_000,
    departments: ["44"],
    axes: [Axis.SECOND_PARENT],
    projectRef: "EXP-D3",
    status: GrantStatus.WITHDRAWN,
  });
  const dreets = await call(s, "dreets", { regionCode: "52", year: 2024, axes: [Axis.PARENT_ISOLATION] });
  await laureate(s, "dreets", dreets, {
    siret: S[1],
    amount: 4_000,
    departments: ["49", "44"],
    axes: [Axis.PARENT_ISOLATION],
    projectRef: "EXP-D1",
  });
  await grant(s, { departmentCode: "44", year: 2024, fund: FundingSource.CAF_FNP, siret: S[1], amount: 1_500 });
  await grant(s, {
    departmentCode: "44",
    year: 2024,
    fund: FundingSource.CAF_REAAP,
    siret: S[2],
    amount: 800,
    axes: [Axis.CULTURAL_AWAKENING, Axis.SECOND_PARENT],
    projectRef: "EXP-D2",
  });
  await grant(s, {
    departmentCode: "44",
    year: 2024,
    fund: FundingSource.CAF_LAEP,
    siret: S[3],
    amount: 600,
    axes: [Axis.SECOND_PARENT],
    projectRef: "EXP-D3",
  });
  await grant(s, {
    departmentCode: "49",
    year: 2024,
    fund: FundingSource.CAF_FNP,
    siret: S[4],
    amount: 250.5,
    axes: [Axis.WORK_LIFE_BALANCE],
  });
  await grant(s, { departmentCode: "44", year: 2023, fund: FundingSource.CAF_FNP, siret: S[1], amount: 999 });
  await credit(s, {
    departmentCode: "44",
    year: 2024,
    siret: S[2],
    amountCents: 1_200_00,
    projectRef: "EXP-D2",
    axes: [Axis.HEALTH_PROMOTION],
  });

  await maison(s, {
    territoryCode: "04",
    carriers: [S[5], S[6]],
    decision: MaisonDecision.LABELLED,
    criteria: {},
    projectRef: "EXP-MAISON",
    budget: [
      { year: 2024, source: FundingSource.FIR, amount: 50_000 },
      { year: 2024, source: FundingSource.DEPARTMENT, amount: 20_000 },
      { year: 2024, source: FundingSource.CAF_FNP, amount: 10_000 },
    ],
  });
  await credit(s, {
    departmentCode: "974",
    year: 2024,
    siret: S[5],
    amountCents: 15_000_00,
    projectRef: "EXP-MAISON",
    programme: DepartmentalProgramme.MAISON_COFUNDING,
    axes: [Axis.SCREENING_CONTINUITY],
  });
}
