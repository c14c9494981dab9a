/** The map's families of funders cover every funding source exactly once, and `source=` is read strictly. */
import { FUNDING_SOURCES_IN_ORDER } from "../../subgraphs/domain/enums";
import { FUNDER_FAMILIES, readSourceChoice, sourcesOfChoice } from "../../gateway/map/sources";

test("every FundingSource belongs to exactly one family", () => {
  const all = Object.values(FUNDER_FAMILIES).flatMap((f) => f.sources);
  expect([...all].sort()).toEqual([...FUNDING_SOURCES_IN_ORDER].sort());
});

test("the families the issue names, with their sources", () => {
  expect(sourcesOfChoice("famille-ars")).toEqual(["FIR"]);
  expect(sourcesOfChoice("famille-dreets")).toEqual(["P304_17", "P304_19"]);
  expect(sourcesOfChoice("famille-caf")).toEqual(["CAF_FNP", "CAF_REAAP", "CAF_LAEP", "CAF_FPT", "FIPE"]);
  expect(sourcesOfChoice("famille-departements")).toEqual(["DEPARTMENT"]);
  expect(sourcesOfChoice("famille-autres")).toEqual(["LOCAL_AUTHORITY", "OTHER"]);
  expect(sourcesOfChoice("CAF_LAEP")).toEqual(["CAF_LAEP"]);
  expect(sourcesOfChoice("")).toEqual([]);
});

test("source= keeps a known source or family, anything else means every source", () => {
  expect(readSourceChoice("FIPE")).toBe("FIPE");
  expect(readSourceChoice("famille-caf")).toBe("famille-caf");
  for (const bad of [null, "", "fir", "famille-", "famille-toString", "famille-CAF", "__proto__"]) expect(readSourceChoice(bad)).toBe("");
});
