import { TestHub } from "./hub";

/**
 * Every table a partner write can touch, per subgraph: the funders' rows, their structure copies
 * and audit trails, and the hub's structure directory (a write tells it its SIRETs before it
 * commits). One list for every test that checks a refusal wrote nothing.
 */
export const WRITTEN_TABLES: Record<string, readonly string[]> = {
  ars: ["call", "laureate_project", "laureate_project_department", "structure", "audit_entry"],
  dreets: ["call", "laureate_project", "laureate_project_department", "structure", "audit_entry"],
  caf: ["parentality_grant", "structure", "audit_entry"],
  maisons: ["maison_project", "maison_carrier", "maison_assessment", "maison_budget_line", "structure", "audit_entry"],
  departements: ["departmental_credit", "structure", "audit_entry"],
  hub: ["structure_directory"],
};

/** Every row of every written table, as JSON: a refusal must leave it identical. */
export async function databaseState(hub: TestHub): Promise<string> {
  const state: Record<string, unknown> = {};
  for (const [subgraph, tables] of Object.entries(WRITTEN_TABLES)) {
    for (const table of tables)
      state[`${subgraph}.${table}`] = await hub.subgraphs[subgraph].database.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`);
  }
  return JSON.stringify(state);
}
