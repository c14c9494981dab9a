import { isIsoDate, rowId, validProjectRef } from "./formats";
import { FORMULA_START } from "./csv-formulas";
import { codePoints, textViolation, TEXT_LIMITS } from "./limits";

describe("formats", () => {
  it("reads only real ISO dates", () => {
    expect(isIsoDate("2024-11-30")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("30/11/2024")).toBe(false);
  });

  it("accepts dossier references of 1 to 64 safe characters", () => {
    expect(validProjectRef("MAISON-971_2024.1")).toBe(true);
    expect(validProjectRef("")).toBe(false);
    expect(validProjectRef("x".repeat(65))).toBe(false);
    expect(validProjectRef("a b")).toBe(false);
    expect(validProjectRef("dossier;drop")).toBe(false);
  });

  it("reads an API id as a row id only when it is one", () => {
    expect(rowId("42")).toBe(42);
    expect(rowId("999999999")).toBe(999999999);
    expect(rowId("9999999999")).toBeNull(); // past an integer column
    expect(rowId("-1")).toBeNull();
    expect(rowId("1e3")).toBeNull();
  });
});

describe("limits", () => {
  it("counts characters as PostgreSQL does (code points, not UTF-16 units)", () => {
    expect(codePoints("👶🏽")).toBe(2);
    expect("👶🏽".length).toBe(4);
    expect(textViolation("👶".repeat(300), TEXT_LIMITS.title, "L'intitulé")).toBeNull();
    expect(textViolation("👶".repeat(301), TEXT_LIMITS.title, "L'intitulé")?.rule).toBe("TEXT_TOO_LONG");
  });

  it("admits line breaks and tabs in multi-line fields only", () => {
    expect(textViolation("a\nb\tc", TEXT_LIMITS.description, "La description")).toBeNull();
    expect(textViolation("a\nb", TEXT_LIMITS.title, "L'intitulé")?.rule).toBe("TEXT_CONTROL_CHARACTER");
    expect(textViolation("a\u0085b", TEXT_LIMITS.description, "La description")?.rule).toBe("TEXT_CONTROL_CHARACTER");
  });
});

describe("CSV formulas", () => {
  it.each(["=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tx", "\rx", "＝1", "＋1", "－1", "＠A"])(
    "knows a cell a spreadsheet would run: %p",
    (cell) => {
      expect(FORMULA_START.test(cell)).toBe(true);
    },
  );
  it.each(["Association Les P'tits Pas", " =1", "1-2", "a@b.fr"])("leaves ordinary text alone: %p", (cell) => {
    expect(FORMULA_START.test(cell)).toBe(false);
  });
});
