/**
 * Issue 11, invariants over random data (fast-check), end to end: random datasets of laureates in
 * one or several departments (renewed, withdrawn), CAF grants, departmental credits, labelled and
 * unlabelled Maisons whose forecasts the funders record or not; read through the gateway, every
 * figure adds up, and the explorer's by-axis total is crossFinancing's. Bounded (a few datasets
 * per run, small ones) so that it runs in CI on both databases; the pure properties of the summing code run in test/unit/cross-financing.property.test.ts.
 * Fictitious data.
 */
import fc from "fast-check";
import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { startTestHub, TestHub } from "../support/hub";
import { testSiret } from "../support/fixtures";
import { DEFAULT_RESPONSE_CACHE } from "../../gateway/response-cache";
import { Axis, FundingSource, GrantStatus } from "../../subgraphs/domain/enums";
import { StructureRow } from "../../subgraphs/domain/structure.entity";
import { CallRow } from "../../subgraphs/regional-call/call.entity";
import { LaureateProjectDepartmentRow, LaureateProjectRow } from "../../subgraphs/regional-call/laureate-project.entity";
import { ParentalityGrantRow } from "../../subgraphs/caf/parentality-grant.entity";
import { DepartmentalCreditRow, DepartmentalProgramme } from "../../subgraphs/departements/departmental-credit.entity";
import {
  MaisonAssessmentRow,
  MaisonBudgetLineRow,
  MaisonCarrierRow,
  MaisonDecision,
  MaisonPhase,
  MaisonProjectRow,
} from "../../subgraphs/maisons/maison.entities";
import { departmentsOf } from "../../subgraphs/domain/reference/cog";

const METROPOLE = ["52", "53"];
const OVERSEAS = ["04", "03"];
const SIRETS = [1, 2, 3, 4, 5].map((n) => testSiret(1400 + n));
const YEARS = [2021, 2023, 2024];
const CAF_FUNDS = [FundingSource.CAF_FNP, FundingSource.CAF_REAAP, FundingSource.FIPE];
const MAISON_SOURCES = [FundingSource.DEPARTMENT, FundingSource.CAF_FNP, FundingSource.FIR, FundingSource.OTHER];
const cents = fc.integer({ min: 1, max: 10_000_000_000 }); // up to 100 M€ a line, well under the write ceiling

const departmentOf = (region: string) => fc.constantFrom(...departmentsOf(region).map((d) => d.code));
const laureateArb = fc.constantFrom(...METROPOLE).chain((region) =>
  fc.record({
    region: fc.constant(region),
    departments: fc.uniqueArray(departmentOf(region), { minLength: 1, maxLength: 3 }),
    siret: fc.constantFrom(...SIRETS),
    year: fc.constantFrom(...YEARS),
    cents,
    status: fc.constantFrom(GrantStatus.AWARDED, GrantStatus.EVALUATED, GrantStatus.WITHDRAWN),
    renewal: fc.option(cents, { nil: null }),
    dossier: fc.option(fc.constantFrom("L-1", "L-2"), { nil: null }),
  }),
);
const maisonArb = fc.record({
  territory: fc.constantFrom(...OVERSEAS),
  carrier: fc.constantFrom(...SIRETS),
  labelled: fc.boolean(),
  budget: fc.uniqueArray(fc.record({ year: fc.constantFrom(2024, 2025), source: fc.constantFrom(...MAISON_SOURCES), cents }), {
    maxLength: 4,
    selector: (b) => `${b.year}${b.source}`,
  }),
  /** Which forecast lines the department and the CAF record as actuals (other amounts). */
  recorded: fc.array(fc.record({ line: fc.nat(), cents }), { maxLength: 3 }),
});
const localArb = (region: string) =>
  fc.record({
    department: departmentOf(region),
    siret: fc.constantFrom(...SIRETS),
    year: fc.constantFrom(...YEARS),
    cents,
    dossier: fc.option(fc.constantFrom("L-1", "L-2"), { nil: null }),
  });
const anyRegionLocal = fc.constantFrom(...METROPOLE, ...OVERSEAS).chain(localArb);
const datasetArb = fc.record({
  laureates: fc.array(laureateArb, { maxLength: 6 }),
  grants: fc.array(fc.record({ local: anyRegionLocal, fund: fc.constantFrom(...CAF_FUNDS) }), { maxLength: 4 }),
  credits: fc.array(anyRegionLocal, { maxLength: 4 }),
  maisons: fc.array(maisonArb, { maxLength: 3 }),
});
type Dataset = typeof datasetArb extends fc.Arbitrary<infer T> ? T : never;

/** What the rules say each stored row counts for, computed from the dataset alone (the oracle). */
interface Counted {
  region: string;
  siret: string;
  cents: number;
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    speed: { responseCache: { ...DEFAULT_RESPONSE_CACHE, ttlMs: 0 } },
    limits: { maxCost: 1_000_000, maxTokens: 100_000 },
  });
});
afterAll(() => (hub as TestHub | undefined)?.stop());

const db = (name: string): DataSource => hub.subgraphs[name].database.dataSource;
const wipe = async (name: string, entities: EntityTarget<ObjectLiteral>[]) => {
  for (const e of entities) await db(name).createQueryBuilder().delete().from(e).execute();
};

/** Writes the dataset straight into the funders' databases; returns the oracle's counted amounts. */
async function store(data: Dataset): Promise<Counted[]> {
  for (const s of ["ars", "caf", "departements", "maisons"])
    await db(s)
      .getRepository(StructureRow)
      .upsert(
        SIRETS.map((siret) => ({ siret, name: `Structure ${siret}` })),
        ["siret"],
      );
  const counted: Counted[] = [];
  let n = 0;
  for (const l of data.laureates) {
    const ars = db("ars");
    const callRow = await ars.getRepository(CallRow).save({
      regionCode: l.region,
      year: l.year,
      joint: false,
      envelopeCents: 10_000_000,
      axes: [Axis.HEALTH_PROMOTION],
      title: `Appel ${++n}`,
      deadline: null,
      resultsDue: null,
    });
    const row = {
      callId: callRow.id,
      title: `Projet ${n}`,
      siret: l.siret,
      axes: [Axis.HEALTH_PROMOTION],
      description: null,
      projectRef: l.dossier,
      evaluationSummary: null,
    };
    const first = await ars
      .getRepository(LaureateProjectRow)
      .save({ ...row, year: l.year, amountCents: l.cents, status: l.status, renewedFromId: null });
    await ars
      .getRepository(LaureateProjectDepartmentRow)
      .insert(l.departments.map((departmentCode) => ({ projectId: first.id, departmentCode })));
    if (l.status !== GrantStatus.WITHDRAWN) counted.push({ region: l.region, siret: l.siret, cents: l.cents });
    if (l.renewal !== null) {
      const renewed = await ars
        .getRepository(LaureateProjectRow)
        .save({ ...row, year: l.year + 1, amountCents: l.renewal, status: GrantStatus.RENEWED, renewedFromId: first.id });
      await ars
        .getRepository(LaureateProjectDepartmentRow)
        .insert(l.departments.map((departmentCode) => ({ projectId: renewed.id, departmentCode })));
      counted.push({ region: l.region, siret: l.siret, cents: l.renewal });
    }
  }
  const regionOf = (department: string) => [...METROPOLE, ...OVERSEAS].find((r) => departmentsOf(r).some((d) => d.code === department))!;
  const grants: Partial<ParentalityGrantRow>[] = data.grants.map((g) => ({
    departmentCode: g.local.department,
    year: g.local.year,
    fund: g.fund,
    siret: g.local.siret,
    title: `Subvention ${++n}`,
    amountCents: g.local.cents,
    axes: [],
    projectRef: g.local.dossier,
  }));
  const credits: Partial<DepartmentalCreditRow>[] = data.credits.map((c) => ({
    departmentCode: c.department,
    year: c.year,
    programme: DepartmentalProgramme.OTHER,
    siret: c.siret,
    title: `Crédit ${++n}`,
    amountCents: c.cents,
    axes: [],
    projectRef: c.dossier,
  }));
  for (const [i, m] of data.maisons.entries()) {
    const ref = `M-${i}`;
    const department = departmentsOf(m.territory)[0].code;
    const project = await db("maisons")
      .getRepository(MaisonProjectRow)
      .save({
        territoryCode: m.territory,
        title: `Maison ${i}`,
        objectives: "o",
        actions: "a",
        governance: "g",
        resources: "r",
        phasing: "p",
        evaluation: "e",
        decision: m.labelled ? MaisonDecision.LABELLED : MaisonDecision.PENDING,
        phase: MaisonPhase.SUBMITTED,
        projectRef: ref,
      });
    await db("maisons").getRepository(MaisonCarrierRow).insert({ projectId: project.id, siret: m.carrier, position: 0 });
    if (m.budget.length)
      await db("maisons")
        .getRepository(MaisonBudgetLineRow)
        .insert(m.budget.map((b) => ({ projectId: project.id, year: b.year, source: b.source, amountCents: b.cents })));
    // the actuals the funders record for the dossier: same source and year as one forecast line (CAF or department only)
    const actualKeys = new Set<string>();
    for (const r of m.recorded) {
      const line = m.budget.at(r.line % Math.max(1, m.budget.length)); // none when the budget is empty
      if (!line || (line.source !== FundingSource.DEPARTMENT && line.source !== FundingSource.CAF_FNP)) continue;
      const common = {
        departmentCode: department,
        year: line.year,
        siret: m.carrier,
        title: `Réel ${++n}`,
        amountCents: r.cents,
        axes: [],
        projectRef: ref,
      };
      if (line.source === FundingSource.DEPARTMENT) credits.push({ ...common, programme: DepartmentalProgramme.MAISON_COFUNDING });
      else grants.push({ ...common, fund: FundingSource.CAF_FNP });
      actualKeys.add(`${line.source}${line.year}`);
    }
    if (m.labelled)
      for (const b of m.budget)
        if (!actualKeys.has(`${b.source}${b.year}`)) counted.push({ region: m.territory, siret: m.carrier, cents: b.cents });
  }
  if (grants.length) await db("caf").getRepository(ParentalityGrantRow).insert(grants);
  if (credits.length) await db("departements").getRepository(DepartmentalCreditRow).insert(credits);
  for (const row of [...grants, ...credits])
    counted.push({ region: regionOf(row.departmentCode!), siret: row.siret!, cents: row.amountCents! });
  return counted;
}

const FIGURE = "total complete bySource { amount } byYear { total } byFunder { amount }";
interface Figure {
  total: number;
  complete: boolean;
  bySource: { amount: number }[];
  byYear: { total: number }[];
  byFunder: { amount: number }[];
}
const c = (euros: number) => Math.round(euros * 100);
/** The explorer's figure of the same entity: its total is crossFinancing's (issue 15). */
const BY_AXIS = "crossFinancingByAxis { total }";
type WithByAxis = { crossFinancing: Figure; crossFinancingByAxis: { total: number } };
const expectSameTotal = (entity: WithByAxis) => expect(entity.crossFinancingByAxis.total).toBe(entity.crossFinancing.total);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function expectConsistent(figure: Figure) {
  expect(figure.complete).toBe(true);
  expect(sum(figure.bySource.map((s) => c(s.amount)))).toBe(c(figure.total));
  expect(sum(figure.byYear.map((y) => c(y.total)))).toBe(c(figure.total));
  expect(sum(figure.byFunder.map((f) => c(f.amount)))).toBe(c(figure.total));
}

test("over random datasets: departments add up to their region, regions to the national total, structures to their lines", async () => {
  await fc.assert(
    fc.asyncProperty(datasetArb, async (data) => {
      await db("ars").createQueryBuilder().delete().from(LaureateProjectRow).where("renewed_from_id IS NOT NULL").execute(); // renewals first (they point at the project they renew)
      await wipe("ars", [LaureateProjectDepartmentRow, LaureateProjectRow, CallRow]);
      await wipe("caf", [ParentalityGrantRow]);
      await wipe("departements", [DepartmentalCreditRow]);
      await wipe("maisons", [MaisonBudgetLineRow, MaisonAssessmentRow, MaisonCarrierRow, MaisonProjectRow]);
      const counted = await store(data);
      const { data: read, errors } = await hub.query(`{
      regions { code crossFinancing { ${FIGURE} } ${BY_AXIS} departments { code crossFinancing { ${FIGURE} } ${BY_AXIS} } }
      ${SIRETS.map((siret, i) => `s${i}: structure(siret: "${siret}") { crossFinancing { ${FIGURE} } ${BY_AXIS} }`).join("\n")}
    }`);
      expect(errors).toBeUndefined();
      let national = 0;
      for (const region of read.regions as (WithByAxis & { code: string; departments: WithByAxis[] })[]) {
        [region, ...region.departments].forEach(expectSameTotal);
        expectConsistent(region.crossFinancing);
        region.departments.forEach((d) => expectConsistent(d.crossFinancing));
        expect(sum(region.departments.map((d) => c(d.crossFinancing.total)))).toBe(c(region.crossFinancing.total));
        expect(c(region.crossFinancing.total)).toBe(sum(counted.filter((k) => k.region === region.code).map((k) => k.cents)));
        national += c(region.crossFinancing.total);
      }
      expect(national).toBe(sum(counted.map((k) => k.cents)));
      SIRETS.forEach((siret, i) => {
        const figure = read[`s${i}`].crossFinancing as Figure;
        expectSameTotal(read[`s${i}`]);
        expectConsistent(figure);
        expect(c(figure.total)).toBe(sum(counted.filter((k) => k.siret === siret).map((k) => k.cents)));
      });
    }),
    { numRuns: Number(process.env.FIGURES_PROPERTY_RUNS ?? 15), endOnFailure: true },
  );
}, 180_000);
