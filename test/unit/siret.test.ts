import { isValidSiret, luhnValid, withLuhnCheckDigit, LA_POSTE_SIREN } from "../../subgraphs/domain/siret";

describe("SIRET check", () => {
  test("accepts a SIRET whose Luhn checksum holds", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
  });
  test("refuses a SIRET with one digit changed", () => {
    expect(isValidSiret("73282932000075")).toBe(false);
  });
  test("refuses anything but 14 digits", () => {
    for (const bad of ["", "7328293200007", "732829320000740", "7328293200007A", " 73282932000074"]) expect(isValidSiret(bad)).toBe(false);
  });
  test("La Poste (SIREN 356000000): the sum of the digits is a multiple of 5, Luhn or not", () => {
    const laPoste = `${LA_POSTE_SIREN}00047`; // digit sum 25
    expect(luhnValid(laPoste)).toBe(false);
    expect(isValidSiret(laPoste)).toBe(true);
    expect(isValidSiret(`${LA_POSTE_SIREN}00048`)).toBe(false); // digit sum 26
  });
  test("a La Poste SIRET that passes Luhn but not the sum-of-digits rule is refused", () => {
    const candidates = Array.from({ length: 100000 }, (_, n) => `${LA_POSTE_SIREN}${String(n).padStart(5, "0")}`);
    const luhnOnly = candidates.find((s) => luhnValid(s) && s.split("").reduce((a, c) => a + Number(c), 0) % 5 !== 0)!;
    expect(isValidSiret(luhnOnly)).toBe(false);
  });
  test("completes 13 digits with the Luhn check digit", () => {
    expect(withLuhnCheckDigit("7328293200007")).toBe("73282932000074");
  });
});
