/**
 * The rules of the SCDL "subventions" 2.1.1 schema the exports are checked against: a record like
 * the schema's own examples passes; each kind of mistake is caught with the column it concerns.
 */
import { SCDL_COLUMNS, scdlHeaderViolations, scdlRecordViolations, ScdlRecord } from "../../gateway/exports/scdl-schema";
import { fictitiousGrantorSiret, grantor, isFictitiousGrantorSiret } from "../../gateway/exports/grantors";
import { scdlAmount, scdlRecord } from "../../gateway/exports/scdl";
import { isValidSiret } from "../../subgraphs/domain/siret";

const valid: ScdlRecord = {
  nomAttribuant: "Région Bretagne",
  idAttribuant: "23350001600040",
  dateConvention: "2017-06-27",
  referenceDecision: "2017-03-103",
  nomBeneficiaire: "Association Les Petits Débrouillards Bretagne",
  idBeneficiaire: "38047555800058",
  rnaBeneficiaire: "",
  objet: "Animations climat-énergie dans les lycées de la région",
  montant: "47800.20",
  nature: "aide en numéraire;aide en nature",
  conditionsVersement: "échelonné",
  datesPeriodeVersement: "2017-03-14/2018-03-14",
  idRAE: "12345",
  notificationUE: "non",
  pourcentageSubvention: "0.45",
  dispositifAide: "",
};

test("the 16 columns of version 2.1.1, in the schema's order", () => {
  expect(SCDL_COLUMNS).toEqual([
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
    "dispositifAide",
  ]);
  expect(scdlHeaderViolations([...SCDL_COLUMNS])).toEqual([]);
  expect(scdlHeaderViolations(SCDL_COLUMNS.filter((c) => c !== "dispositifAide"))).toHaveLength(1); // 2.0 header
  expect(scdlHeaderViolations(["idAttribuant", "nomAttribuant", ...SCDL_COLUMNS.slice(2)])).toHaveLength(1);
});

test("a record like the schema's example passes; a single date instead of a period too", () => {
  expect(scdlRecordViolations(valid)).toEqual([]);
  expect(scdlRecordViolations({ ...valid, datesPeriodeVersement: "2017-03-14", conditionsVersement: "unique" })).toEqual([]);
  expect(scdlRecordViolations({ ...valid, idBeneficiaire: "", rnaBeneficiaire: "W380475558" })).toEqual([]);
});

test.each<[string, Partial<ScdlRecord>, RegExp]>([
  ["grantor SIRET of 13 digits", { idAttribuant: "2335000160004" }, /^idAttribuant : SIRET de 14 chiffres/],
  ["grantor SIRET missing", { idAttribuant: "" }, /^idAttribuant : valeur obligatoire/],
  ["French date", { dateConvention: "27/06/2017" }, /^dateConvention : date AAAA-MM-JJ/],
  ["impossible date", { dateConvention: "2017-02-30" }, /^dateConvention/],
  ["beneficiary SIRET with spaces", { idBeneficiaire: "380 475 558 00058" }, /^idBeneficiaire : SIRET de 14 chiffres/],
  ["no SIRET nor RNA", { idBeneficiaire: "" }, /idBeneficiaire ou rnaBeneficiaire/],
  ["RNA without W", { rnaBeneficiaire: "380475558" }, /^rnaBeneficiaire/],
  ["decimal comma", { montant: "47800,20" }, /^montant : nombre décimal avec un point/],
  ["thousands separator", { montant: "47 800.20" }, /^montant/],
  ["nature outside the list", { nature: "numéraire" }, /^nature : valeurs autorisées/],
  ["period with an underscore (2017 format)", { datesPeriodeVersement: "2017-12-14_2018-12-14" }, /^datesPeriodeVersement/],
  ["notificationUE as a boolean word", { notificationUE: "false" }, /^notificationUE : oui ou non/],
  ["percentage over 1", { pourcentageSubvention: "45" }, /^pourcentageSubvention : nombre décimal entre 0.01 et 1/],
  ["percentage under 0.01", { pourcentageSubvention: "0" }, /^pourcentageSubvention/],
  ["objet over 256 characters", { objet: "x".repeat(257) }, /^objet : 256 caractères au plus/],
  ["objet missing", { objet: "" }, /^objet : valeur obligatoire/],
])("%s is refused", (_name, change, rule) => {
  const violations = scdlRecordViolations({ ...valid, ...change });
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatch(rule);
});

test("amounts: a dot, two decimals, exact from cents", () => {
  expect([scdlAmount(60000.1), scdlAmount(999.99), scdlAmount(1200), scdlAmount(0.07), scdlAmount(12345678.9)]).toEqual([
    "60000.10",
    "999.99",
    "1200.00",
    "0.07",
    "12345678.90",
  ]);
  expect(() => scdlAmount(1.005)).toThrow();
});

test("grantors: official names, fictitious SIRETs that say so, 14 digits with a Luhn check digit, one per grantor", () => {
  const ars = grantor("ars", "52");
  expect(ars).toMatchObject({ name: "Agence régionale de santé – Pays de la Loire", fictitious: true });
  expect(grantor("dreets", "04").name).toBe("Direction de l'économie, de l'emploi, du travail et des solidarités (DEETS) – La Réunion");
  expect(grantor("caf", "2A").name).toBe("Caisse d'allocations familiales – Corse-du-Sud (2A)");
  const sirets = [
    grantor("ars", "52"),
    grantor("dreets", "52"),
    grantor("caf", "52"),
    grantor("caf", "2A"),
    grantor("caf", "2B"),
    grantor("caf", "974"),
  ].map((g) => g.siret);
  expect(new Set(sirets).size).toBe(sirets.length);
  for (const siret of sirets) {
    expect(siret).toMatch(/^\d{14}$/);
    expect(isValidSiret(siret)).toBe(true);
    expect(isFictitiousGrantorSiret(siret)).toBe(true);
  }
  expect(fictitiousGrantorSiret("caf", "974")).toMatch(/^000003974/);
  expect(() => grantor("ars", "99")).toThrow(/Région inconnue/);
  expect(() => grantor("caf", "975")).toThrow(/Département inconnu/);
});

test("an exported record passes every rule", () => {
  const record = scdlRecord(grantor("caf", "44"), {
    id: "7",
    year: 2021,
    source: "CAF_FNP",
    title: "Groupes de parole post-partum",
    callTitle: null,
    amount: 5000.5,
    beneficiary: { siret: "73282932000074", name: "Association (fictif)" },
  });
  expect(scdlRecordViolations(record)).toEqual([]);
  expect(record).toMatchObject({
    dateConvention: "2021-01-01",
    datesPeriodeVersement: "2021-01-01/2021-12-31",
    montant: "5000.50",
    referenceDecision: "CAF-44-7",
    objet: "Groupes de parole post-partum (Fonds national parentalité, 1000 premiers jours 2021)",
  });
});
