import { rowId } from "../../domain/rules/formats";

/** Loads a row by its API id; an id that is not a row id (malformed, oversized) is unknown. */
export async function loadByRowId<T>(loader: { load(id: number): Promise<T | undefined> }, id: string): Promise<T | undefined> {
  const key = rowId(id);
  return key === null ? undefined : loader.load(key);
}
