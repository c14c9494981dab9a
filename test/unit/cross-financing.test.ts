import { FundingSource } from "../../subgraphs/domain/enums";
import { crossFinancing, FundingLineData } from "../../subgraphs/domain/financing/cross-financing";
import { funderOfSource, regionalFunder } from "../../subgraphs/domain/financing/funders";

const line = (year: number, source: FundingSource, funder: string, cents: number): FundingLineData => ({ year, source, funder, cents });
const lines = [
  line(2021, FundingSource.FIR, "ARS Bretagne", 6_000_010),
  line(2021, FundingSource.P304_17, "DREETS Bretagne", 3_000_033),
  line(2021, FundingSource.CAF_FNP, "CAF 35 Ille-et-Vilaine", 500_050),
  line(2023, FundingSource.FIR, "ARS Bretagne", 2_000_000),
  line(2022, FundingSource.CAF_FNP, "CAF 29 Finistère", 99_999),
];

describe("cross-financing arithmetic", () => {
  test("sums every funder's lines, per source in the enum's order", () => {
    const all = crossFinancing(lines);
    expect(all.totalCents).toBe(11_600_092);
    expect(all.bySource).toEqual([
      { source: FundingSource.FIR, cents: 8_000_010 },
      { source: FundingSource.P304_17, cents: 3_000_033 },
      { source: FundingSource.CAF_FNP, cents: 600_049 },
    ]);
  });
  test("per year, ascending, and the year filter keeps only that year", () => {
    expect(crossFinancing(lines).byYear).toEqual([
      { year: 2021, totalCents: 9_500_093 },
      { year: 2022, totalCents: 99_999 },
      { year: 2023, totalCents: 2_000_000 },
    ]);
    const y2021 = crossFinancing(lines, 2021);
    expect(y2021.totalCents).toBe(9_500_093);
    expect(y2021.funders).toEqual(["ARS Bretagne", "CAF 35 Ille-et-Vilaine", "DREETS Bretagne"]);
  });
  test("funders are listed once, alphabetically, with their totals", () => {
    expect(crossFinancing(lines).byFunder).toEqual([
      { funder: "ARS Bretagne", cents: 8_000_010, forecastCents: 0, replacedForecastCents: 0 },
      { funder: "CAF 29 Finistère", cents: 99_999, forecastCents: 0, replacedForecastCents: 0 },
      { funder: "CAF 35 Ille-et-Vilaine", cents: 500_050, forecastCents: 0, replacedForecastCents: 0 },
      { funder: "DREETS Bretagne", cents: 3_000_033, forecastCents: 0, replacedForecastCents: 0 },
    ]);
  });
  test("no lines: zero, and nobody funds", () => {
    expect(crossFinancing([], 2021)).toEqual({ totalCents: 0, forecastCents: 0, bySource: [], byYear: [], funders: [], byFunder: [] });
  });
  test("funders are named by body and territory; overseas the DREETS is a DEETS", () => {
    expect(regionalFunder("DREETS", "53")).toBe("DREETS Bretagne");
    expect(regionalFunder("DREETS", "04")).toBe("DEETS La Réunion");
    expect(funderOfSource(FundingSource.DEPARTMENT, "06", "976")).toBe("Conseil départemental 976 Mayotte");
    expect(funderOfSource(FundingSource.FIPE, "04", "974")).toBe("CAF 974 La Réunion");
  });
});
