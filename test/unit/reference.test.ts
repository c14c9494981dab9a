import { DEPARTMENTS, OVERSEAS_REGIONS, REGIONS } from "../../subgraphs/domain/reference/cog";
import { REGIONAL_CALLS_2022 } from "../../subgraphs/domain/reference/regional-calls-2022";
import { LABELLING_CRITERIA } from "../../subgraphs/domain/reference/labelling-criteria";
import { AXIS_RECORDS } from "../../subgraphs/domain/reference/axes";
import { minimumAwardCents } from "../../subgraphs/domain/reference/instructions";

describe("reference data", () => {
  test("18 regions and 101 departments of the COG, five overseas", () => {
    expect(REGIONS.map((r) => r.code).sort()).toEqual([
      "01",
      "02",
      "03",
      "04",
      "06",
      "11",
      "24",
      "27",
      "28",
      "32",
      "44",
      "52",
      "53",
      "75",
      "76",
      "84",
      "93",
      "94",
    ]);
    expect(DEPARTMENTS).toHaveLength(101);
    expect(DEPARTMENTS.map((d) => d.code)).toEqual(expect.arrayContaining(["2A", "2B", "971", "976"]));
    expect(OVERSEAS_REGIONS.map((r) => r.name)).toEqual(["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"]);
  });
  test("the 2022 table: every region once, 12 that launched a call, unknowns left null", () => {
    expect(REGIONAL_CALLS_2022.map((c) => c.regionCode).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    expect(REGIONAL_CALLS_2022.filter((c) => c.launched)).toHaveLength(12);
    const byCode = Object.fromEntries(REGIONAL_CALLS_2022.map((c) => [c.regionCode, c]));
    expect(byCode["24"].axisNumbers).toEqual([1, 2, 3]);
    expect(byCode["44"].axisNumbers).toEqual([1, 5]);
    expect(byCode["32"].axisNumbers).toEqual([1, 4]);
    expect(byCode["75"].axisNumbers).toEqual([1, 2, 3, 4]);
    expect(byCode["76"].axisNumbers).toEqual([4, 5]);
    expect(byCode["52"].axisNumbers).toEqual([1, 2, 3, 4, 6]);
    expect(byCode["94"].axisNumbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(byCode["84"]).toMatchObject({ deadline: "2022-04-24", axisNumbers: null, resultsExpected: "Septembre 2022 au plus tard" });
    expect(byCode["27"]).toMatchObject({ launched: true, specification: null, deadline: null, expectations: null, resultsExpected: null }); // « A venir »
    expect(byCode["01"]).toMatchObject({ launched: false, deadline: null });
    expect(byCode["11"].resultsExpected).toBeNull();
  });
  test("six axes, ten criteria of annex 2, minimum awards of the 2021 instruction", () => {
    expect(AXIS_RECORDS.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(LABELLING_CRITERIA).toHaveLength(10);
    expect(new Set(LABELLING_CRITERIA.map((c) => c.code)).size).toBe(10);
    expect(minimumAwardCents(false)).toBe(100_000_00);
    expect(minimumAwardCents(true)).toBe(200_000_00);
  });
});
