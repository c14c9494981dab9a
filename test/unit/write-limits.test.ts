/** The pure bounds of a write (subgraphs/domain/rules/limits.ts, violations.ts, the audit subject). */
import { AMOUNT_CEILING_CENTS, codePoints, TEXT_LIMITS, textViolation } from "../../subgraphs/domain/rules/limits";
import { Violations } from "../../subgraphs/domain/rules/violations";
import { auditSubject } from "../../subgraphs/platform/audit/audit";
import { checkCallCalendarAndEnvelope } from "../../subgraphs/regional-call/rules";

test("lengths count characters as PostgreSQL does (code points), not UTF-16 units", () => {
  expect(codePoints("👶".repeat(300))).toBe(300);
  expect(textViolation("👶".repeat(300), TEXT_LIMITS.title, "L'intitulé")).toBeNull();
  expect(textViolation("👶".repeat(301), TEXT_LIMITS.title, "L'intitulé")).toEqual({
    rule: "TEXT_TOO_LONG",
    message: "L'intitulé dépasse 300 caractères (301).",
  });
});

test("control characters: refused on one line; line breaks and tabs allowed in free text, NUL never", () => {
  for (const c of ["\u0000", "\n", "\r", "\t", "\u0007", "\u007f", "\u0085"])
    expect(textViolation(`a${c}b`, TEXT_LIMITS.title, "Le titre")?.rule).toBe("TEXT_CONTROL_CHARACTER");
  for (const c of ["\n", "\r\n", "\t"]) expect(textViolation(`a${c}b`, TEXT_LIMITS.description, "La description")).toBeNull();
  expect(textViolation("a\u0000b", TEXT_LIMITS.description, "La description")?.rule).toBe("TEXT_CONTROL_CHARACTER");
  expect(textViolation("Crèche « Les Petits Pas » – Mayotte", TEXT_LIMITS.name, "Le nom")).toBeNull();
});

test("Violations.text: blank, too long, control character, each with its rule", () => {
  const v = new Violations();
  v.text("a", "  ", "Le titre");
  v.text("b", "x".repeat(301), "Le titre");
  v.text("c", "x\u0000", "Le titre");
  v.optionalText("d", null, "La description", TEXT_LIMITS.description);
  expect(() => v.throwIfAny()).toThrow(/Le titre est obligatoire.*dépasse 300 caractères.*caractère de contrôle/);
});

test("amount ceiling: 1 000 000 000 € a line; 90 000 such lines still sum exactly", () => {
  const v = new Violations();
  expect(v.amount("amount", 1_000_000_000)).toBe(AMOUNT_CEILING_CENTS);
  expect(v.amount("amount", 1_000_000_000.01)).toBeNull();
  expect(v.amount("amount", 45_000_000_000_000)).toBeNull();
  expect(Number.isSafeInteger(AMOUNT_CEILING_CENTS * 90_000)).toBe(true);
  expect(() => v.throwIfAny()).toThrow(/ne dépasse pas 1 000 000 000 € par ligne/);
});

test("a call: envelope of at least 100 000 € a side, results not due before the deadline", () => {
  const rules = (joint: boolean, cents: number, deadline: string | null, resultsDue: string | null) => {
    const v = new Violations();
    checkCallCalendarAndEnvelope({ joint, deadline, resultsDue }, cents, true, v);
    try {
      v.throwIfAny();
      return [];
    } catch (e) {
      return (e as { extensions: { violations: { rule: string }[] } }).extensions.violations.map((x) => x.rule);
    }
  };
  expect(rules(false, 100_000_00, "2021-06-15", "2021-08-31")).toEqual([]);
  expect(rules(true, 100_000_00, null, null)).toEqual([]);
  expect(rules(true, 99_999_99, null, null)).toEqual(["ENVELOPE_BELOW_MINIMUM_AWARD"]);
  expect(rules(false, 100_000_00, "2021-06-15", "2021-06-14")).toEqual(["RESULTS_BEFORE_DEADLINE"]);
  expect(rules(false, 100_000_00, "2021-06-15", "2021-06-15")).toEqual([]);
});

test("audit subject: kept as is when it fits, else shortened with the hash of the whole", () => {
  expect(auditSubject("user-1")).toBe("user-1");
  const long = auditSubject("u".repeat(5000));
  expect(long.length).toBeLessThanOrEqual(200);
  expect(long).toMatch(/^u{120}…sha256:[0-9a-f]{64}$/);
  expect(auditSubject("a\u0000b")).toMatch(/^ab…sha256:/);
  expect(auditSubject("u".repeat(5000) + "x")).not.toBe(long);
});

test("export CSV: formulas neutralised, negative numbers in numeric columns kept, the SCDL import undoes the quote", async () => {
  const { exportCsv } = await import("../../gateway/exports/csv");
  const { unescapeFormula } = await import("../../subgraphs/caf/scdl-import");
  const csv = exportCsv(
    [
      { montant: "-12.50", objet: "-12.50", nom: "=1+1" },
      { montant: "=1+1", objet: "@x", nom: "ok" },
    ],
    ["montant", "objet", "nom"],
    ["montant"],
  );
  expect(csv).toBe("montant,objet,nom\n-12.50,'-12.50,'=1+1\n'=1+1,'@x,ok\n");
  expect(unescapeFormula("'=1+1")).toBe("=1+1");
  expect(unescapeFormula("'Atelier")).toBe("'Atelier");
});

test("one list of formula starts (FORMULA_START): what csv-stringify escapes is what the export counts and the SCDL import undoes", async () => {
  const { exportCsv, escapedAsFormula } = await import("../../gateway/exports/csv");
  const { unescapeFormula } = await import("../../subgraphs/caf/scdl-import");
  const { parse } = await import("csv-parse/sync");
  for (const start of ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "A", "'", " ", "1"]) {
    const text = `${start}x`;
    const [{ objet: cell }] = parse<{ objet: string }>(exportCsv([{ objet: text }], ["objet"]), { columns: true });
    expect({ start, escaped: cell === `'${text}` }).toEqual({ start, escaped: escapedAsFormula(text) });
    expect(unescapeFormula(cell)).toBe(text);
  }
});
