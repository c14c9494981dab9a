import { Names } from "./names";

/** `subgraphs/<name>/grant.entity.ts`: the funding lines this subgraph owns. */
export const entityTemplate = (n: Names) => `import { Entity } from "typeorm";
import { FundingLineColumns } from "../funding-lines/funding-line.entity";

/** A funding line of ${n.name} to a structure, for one department and year (source ${n.source} in cross-financing); add its own columns here. */
@Entity({ name: "${n.grantTable}" })
export class ${n.grantRow} extends FundingLineColumns {}
`;

/** `subgraphs/<name>/initial.migration.ts`: reference tables, structures, lines, audit trail. */
export const migrationTemplate = (n: Names) => `import { MigrationInterface, QueryRunner, Table } from "typeorm";
import { col, createReferenceTables, dropReferenceTables, fk, index } from "../platform/db/migration-helpers";
import { createAuditTable } from "../platform/audit/audit";

export class ${n.migrationClass} implements MigrationInterface {
  name = "${n.migrationClass}";

  async up(qr: QueryRunner): Promise<void> {
    await createReferenceTables(qr);
    await qr.createTable(new Table({ name: "structure", columns: [{ ...col.siret(), isPrimary: true }, col.varchar("name", 300), col.demo(), col.createdAt(qr)] }));
    await qr.createTable(new Table({
      name: "${n.grantTable}",
      columns: [col.id(), col.code("department_code"), col.int("year"), col.siret(), col.text("title"), col.cents("amount_cents"), col.varchar("project_ref", 64, true), col.createdAt(qr)],
      foreignKeys: [fk("department_code", "department", "code"), fk("siret", "structure", "siret")],
      indices: [
        index("${n.grantTable}", ["department_code", "year"]), index("${n.grantTable}", ["siret"]), index("${n.grantTable}", ["project_ref"]),
        index("${n.grantTable}", ["department_code", "year", "siret", "title"], true),
      ],
    }));
    await createAuditTable(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ["audit_entry", "${n.grantTable}", "structure"]) await qr.dropTable(table);
    await dropReferenceTables(qr);
  }
}
`;
