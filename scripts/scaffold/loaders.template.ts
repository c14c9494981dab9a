import { literal, Names } from "./names";

/** How the funder of a line is named in cross-financing: the body, then its territory. */
function funderOf(n: Names): { imports: string[]; code: string } {
  const label = `const FUNDER = ${literal(n.funder)};`;
  if (n.scope === "department") {
    return {
      imports: ["findDepartment"],
      code: `${label}\nconst funderOf = (department: string) => \`\${FUNDER} \${department} \${findDepartment(department)?.name ?? ""}\`.trim();`,
    };
  }
  if (n.scope === "region") {
    return {
      imports: ["findDepartment", "findRegion"],
      code: `${label}\nconst funderOf = (department: string) => \`\${FUNDER} \${findRegion(findDepartment(department)?.regionCode ?? "")?.name ?? ""}\`.trim();`,
    };
  }
  return { imports: [], code: `${label}\nconst funderOf = (_department: string) => FUNDER;` };
}

/** `subgraphs/<name>/loaders.ts`: per-request DataLoaders, one SQL query per batch. */
export function loadersTemplate(n: Names): string {
  const funder = funderOf(n);
  return `import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { FundingSource } from "../domain/enums";
import { FundingLine } from "../domain/federation/funding.types";
import { byKey, groupBy } from "../platform/graphql/batch";
import { regionLinesFromDepartments, structureNameLoader } from "../domain/financing/funding-loaders";
import { DetailTable, departmentDetailLoaders } from "../domain/financing/detail-loaders";
${funder.imports.length ? `import { ${[...funder.imports].sort().join(", ")} } from "../domain/reference/cog";\n` : ""}import { toCents } from "../domain/money";
import { ${n.grantRow} } from "./grant.entity";

export type ${n.loadersType} = ReturnType<typeof create${n.pascal}Loaders>;

/** How cross-financing names the funder of a line. */
${funder.code}

/** The explorer's details: one per funding line, with its SIRET (no axes column: none tagged). */
const DETAILS: DetailTable = {
  from: (qb) => qb.from(${n.grantRow}, "g"),
  columns: { territory: "g.department_code", year: "g.year", cents: "g.amount_cents", dossier: "g.project_ref", siret: "g.siret" },
  source: FundingSource.${n.source},
  funder: (department) => funderOf(department),
  forecast: false,
};

export function create${n.pascal}Loaders(ds: DataSource) {
  const grants = ds.getRepository(${n.grantRow});
  const grantsBy = (column: "departmentCode" | "siret" | "projectRef") =>
    new DataLoader<string, ${n.grantRow}[]>(async (keys) => {
      const grouped = groupBy(await grants.find({ where: { [column]: In([...keys]) }, order: { year: "ASC", id: "ASC" } }), (g) => g[column] as string);
      return keys.map((k) => grouped.get(k) ?? []);
    });
  /** Lines per key, department, year and dossier, in cents: always source ${n.source}. */
  const lines = (keyColumn: string) =>
    new DataLoader<string, FundingLine[]>(async (keys) => {
      const rows = await ds.createQueryBuilder()
        .select(keyColumn, "key").addSelect("g.department_code", "department").addSelect("g.year", "year").addSelect("g.project_ref", "dossier").addSelect("SUM(g.amount_cents)", "cents")
        .from(${n.grantRow}, "g")
        .where(\`\${keyColumn} IN (:...keys)\`, { keys: [...keys] })
        .groupBy(keyColumn).addGroupBy("g.department_code").addGroupBy("g.year").addGroupBy("g.project_ref")
        .getRawMany<{ key: string; department: string; year: string | number; dossier: string | null; cents: string | number }>();
      const grouped = groupBy(rows, (r) => String(r.key));
      return keys.map((k) => (grouped.get(k) ?? []).map((r) => ({ year: Number(r.year), source: FundingSource.${n.source}, funder: funderOf(r.department), cents: toCents(r.cents), dossier: r.dossier, forecast: false })));
    });
  const byDepartment = lines("g.department_code");

  return {
    grantById: new DataLoader<number, ${n.grantRow} | undefined>(async (ids) => byKey(await grants.findBy({ id: In([...ids]) }), (g) => g.id, ids)),
    grantsByDepartment: grantsBy("departmentCode"),
    grantsByStructure: grantsBy("siret"),
    grantsByProject: grantsBy("projectRef"),
    structureName: structureNameLoader(ds),
    linesByDepartment: byDepartment,
    linesByRegion: regionLinesFromDepartments(byDepartment),
    linesByStructure: lines("g.siret"),
    linesByProject: lines("g.project_ref"),
    ...departmentDetailLoaders(ds, DETAILS, { department: "g.department_code", structure: "g.siret", project: "g.project_ref" }),
  };
}
`;
}
