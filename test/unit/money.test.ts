import { AmountError, centsToEuros, eurosToCents, sumCents, toCents } from "../../subgraphs/domain/money";

describe("amounts in integer cents", () => {
  test("euros with at most two decimals become exact cents", () => {
    expect(eurosToCents(100000)).toBe(10_000_000);
    expect(eurosToCents(0.1)).toBe(10);
    expect(eurosToCents(60000.1)).toBe(6_000_010);
    expect(eurosToCents(1234.56)).toBe(123_456);
  });
  test("a third decimal is refused, not rounded away", () => {
    expect(() => eurosToCents(10.005)).toThrow(AmountError);
    expect(() => eurosToCents(10.005)).toThrow(/deux décimales/);
    expect(() => eurosToCents(Number.NaN)).toThrow(AmountError);
  });
  test("sums are exact to the cent where floats are not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(centsToEuros(sumCents([eurosToCents(0.1), eurosToCents(0.2)]))).toBe(0.3);
    const many = Array.from({ length: 100_000 }, () => eurosToCents(0.01));
    expect(sumCents(many)).toBe(100_000);
    expect(centsToEuros(sumCents(many))).toBe(1000);
  });
  test("database values (PostgreSQL bigint strings) parse to cents", () => {
    expect(toCents("12345678901")).toBe(12_345_678_901);
    expect(toCents(null)).toBe(0);
    expect(() => toCents("12.5")).toThrow(AmountError);
  });
});
