import { QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from "typeorm";
import { AXIS_RECORDS } from "../../domain/reference/axes";
import { DEPARTMENTS, REGIONS } from "../../domain/reference/cog";
import { AxisRow, DepartmentRow, RegionRow } from "../../domain/reference/reference.entities";

/** Column builders that mean the same on SQLite and PostgreSQL. */
export const col = {
  id: (): TableColumnOptions => ({ name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" }),
  code: (name: string, nullable = false): TableColumnOptions => ({ name, type: "varchar", length: "3", isNullable: nullable }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: "text", isNullable: nullable }),
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: "varchar",
    length: String(length),
    isNullable: nullable,
  }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: "integer", isNullable: nullable }),
  cents: (name: string): TableColumnOptions => ({ name, type: "bigint", isNullable: false }),
  bool: (name: string, fallback?: boolean): TableColumnOptions => ({
    name,
    type: "boolean",
    isNullable: false,
    default: fallback === undefined ? undefined : fallback ? "true" : "false",
  }),
  date: (name: string): TableColumnOptions => ({ name, type: "date", isNullable: true }),
  siret: (name = "siret"): TableColumnOptions => ({ name, type: "varchar", length: "14", isNullable: false }),
  demo: (): TableColumnOptions => ({ name: "demo", type: "boolean", isNullable: false, default: "false" }),
  createdAt: (qr: QueryRunner): TableColumnOptions => ({
    name: "created_at",
    type: isPostgres(qr) ? "timestamptz" : "datetime",
    isNullable: false,
    default: "CURRENT_TIMESTAMP",
  }),
};

export const isPostgres = (qr: QueryRunner) => qr.connection.options.type === "postgres";

export const fk = (column: string, table: string, referenced = "id", onDelete: "CASCADE" | "RESTRICT" = "RESTRICT") =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [referenced], onDelete });

export const index = (table: string, columns: string[], unique = false) =>
  new TableIndex({ name: `ix_${table}_${columns.join("_")}`, columnNames: columns, isUnique: unique });

/** Creates and fills the reference tables (COG regions and departments, the 6 axes). */
export async function createReferenceTables(qr: QueryRunner): Promise<void> {
  await qr.createTable(
    new Table({ name: "region", columns: [{ ...col.code("code"), isPrimary: true }, col.varchar("name", 100), col.bool("overseas")] }),
  );
  await qr.createTable(
    new Table({
      name: "department",
      columns: [{ ...col.code("code"), isPrimary: true }, col.varchar("name", 100), col.code("region_code")],
      foreignKeys: [fk("region_code", "region", "code")],
    }),
  );
  await qr.createTable(
    new Table({ name: "axis", columns: [{ ...col.int("number"), isPrimary: true }, col.varchar("code", 40), col.text("label")] }),
  );
  await qr.manager.insert(
    RegionRow,
    REGIONS.map((r) => ({ code: r.code, name: r.name, overseas: r.overseas })),
  );
  await qr.manager.insert(
    DepartmentRow,
    DEPARTMENTS.map((d) => ({ code: d.code, name: d.name, regionCode: d.regionCode })),
  );
  await qr.manager.insert(
    AxisRow,
    AXIS_RECORDS.map((a) => ({ number: a.number, code: a.axis, label: a.label })),
  );
}

export async function dropReferenceTables(qr: QueryRunner): Promise<void> {
  for (const table of ["axis", "department", "region"]) await qr.dropTable(table);
}
