/**
 * What a funder that records funding lines declares (a CAF, a conseil départemental, a scaffolded
 * subgraph): its table, its source, how cross-financing names it, its GraphQL names and words, its
 * write rules. The building block (this folder) turns the declaration into the loaders, the
 * resolvers, the write transaction, the import and the module; the funder's folder keeps only this.
 */
import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { StructureDirectory } from "../platform/directory/client";
import { Violations } from "../domain/rules/violations";
import { Axis, FundingSource } from "../domain/enums";
import { Cents } from "../domain/money";
import type { ConnectionWords } from "../platform/graphql/connection";
import { FundingLineLoaders } from "./loaders";

/**
 * A recorded funding line: the columns every funder's table has (department_code, year, siret,
 * title, amount_cents, project_ref; axes when the funder tags them), plus its own (a fund…).
 */
export interface FundingLineRow {
  id: number;
  departmentCode: string;
  year: number;
  siret: string;
  title: string;
  amountCents: Cents;
  projectRef: string | null;
  axes?: Axis[];
}

/** The fields every funding line input has (the mutation's and the import's). */
export interface FundingLineInput {
  department: string;
  year: number;
  siret: string;
  structureName: string;
  title: string;
  amount: number;
  axes?: Axis[] | null;
  projectRef?: string | null;
}

/** A line that passed every rule: what is written, and the key that makes it unique. */
export interface CheckedFundingLine<Key extends object = object> {
  key: Key & { departmentCode: string; year: number; siret: string; title: string };
  structureName: string;
  amountCents: Cents;
  axes: Axis[];
  projectRef: string | null;
}

/**
 * A line as the block's lists read it (Department, Structure, Project): every column but the
 * creation date, which no field shows (building its Date was a large part of a list's hydration).
 */
export type ListedRow<Row> = Omit<Row, "createdAt">;

/** The GraphQL node of a line: the funder's object type, which keeps its row for the block's field resolvers. */
export interface FundingLineNode<Row> {
  id: string;
  row: ListedRow<Row>;
}

export interface FundingLinesContext<Row extends FundingLineRow = FundingLineRow> {
  actor: Actor | null;
  dataSource: DataSource;
  loaders: FundingLineLoaders<Row>;
  /** The server's structure directory, which the record mutation tells the SIRET it records. */
  directory: StructureDirectory;
}

/** A GraphQL field: its name and description. */
export interface NamedField {
  field: string;
  description: string;
}

export interface FundingLineFunder<
  Row extends FundingLineRow,
  Node extends FundingLineNode<Row>,
  Input extends FundingLineInput,
  Checked extends CheckedFundingLine,
> {
  /** The subgraph: its database and its `<name>Contribution` fields. */
  name: string;
  /** The TypeORM entity of the lines. */
  row: new () => Row;
  /** The source of every line, or the column that holds each line's (its SQL name). */
  source: FundingSource | { column: string };
  /** Whether the table has an `axes` column (the explorer's axes). */
  axes: boolean;
  /** How cross-financing names the funder of a line of this department. */
  funderName(departmentCode: string): string;
  /** The properties of the row that make a line unique, in the order of the unique index. */
  key: readonly string[];
  graphql: {
    /** The object type, its name (also the audited entity) and how a row becomes it. */
    type: new () => Node;
    typeName: string;
    toNode(row: ListedRow<Row>): Node;
    input: new () => Input;
    /** Descriptions of the line's `department`, `structure` and `project` fields. */
    lineFields: { department: string; structure: string; project: string };
    /** The lines on Department, Structure and Project (`parentalityGrants`), their descriptions. */
    lists: { field: string; nullable: boolean; Department: string; Structure: string; Project: string };
    one: NamedField;
    record: NamedField & { input: string };
    audit: { field: string; label: string };
  };
  writes: {
    /** The rules of one line, without the database (shared by the mutation and the import). */
    check(input: Input, v: Violations): Checked | null;
    /** Who may write the lines of this department (throws UNAUTHENTICATED or FORBIDDEN). */
    requireWriter(actor: Actor | null, department: string): Actor;
    duplicateMessage(id: number | string): string;
  };
}

/** Any funder declaration, as the block's generic parts take it (its own node, input and checked types widened). */
export type AnyFundingLineFunder<Row extends FundingLineRow = FundingLineRow> = FundingLineFunder<
  Row,
  FundingLineNode<Row>,
  FundingLineInput,
  CheckedFundingLine
>;

/** The funder's own filter: a list of values of one of its columns (its funds…). */
export interface OwnFilter {
  field: string;
  /** The GraphQL enum of the values. */
  type: object;
  column: string;
  /** How the broken rule names the list ("Fonds"). */
  label: string;
  description: string;
  /** More rules on the values given (only the CAF's funds…). */
  check?(values: readonly string[], v: Violations): void;
}

/** The funder's national list, when it has one: its query, its filter input and its connection's words. */
export interface LineListDeclaration {
  query: NamedField;
  filter: { name: string; description: string; year: string; region: string; department: string; own: OwnFilter };
  connection: ConnectionWords;
}
