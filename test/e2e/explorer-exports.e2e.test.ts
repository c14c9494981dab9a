/**
 * The CSV exports follow the explorer: /exports/laureats.csv and /exports/subventions-caf.csv
 * take the explorer's filters as French URL parameters, and write exactly the rows the graph
 * returns for the same filter (read here page by page from the graph itself). Dataset:
 * test/support/explorer-dataset.ts, plus one grant whose title a spreadsheet would run.
 */
import { parse } from "csv-parse/sync";
import { CAF_GRANT_COLUMNS } from "../../gateway/exports/caf-grants";
import { exportCafGrants, exportLaureates } from "../../gateway/exports/exports";
import { gatewayClient } from "../../gateway/exports/gateway-client";
import { LAUREATE_COLUMNS } from "../../gateway/exports/laureates";
import { startTestHub, TestHub } from "../support/hub";
import { Json } from "../support/json";
import { ExplorerIds, NAMES, SIRETS, writeExplorerDataset } from "../support/explorer-dataset";

let hub: TestHub;
let ids: ExplorerIds;
let origin: string;
let hostileId: string;
beforeAll(async () => {
  hub = await startTestHub();
  ids = await writeExplorerDataset(hub);
  const recorded = await hub.query(
    "mutation($input: ParentalityGrantInput!) { recordParentalityGrant(input: $input) { id } }",
    {
      input: {
        department: "35",
        year: 2024,
        fund: "CAF_FNP",
        siret: SIRETS.E,
        structureName: NAMES.E,
        title: '=HYPERLINK("http://exemple.invalid") (fictif)',
        amount: 10,
      },
    },
    undefined,
    await hub.auth.token("caf:35"),
  );
  hostileId = recorded.data.recordParentalityGrant.id;
  origin = new URL(hub.gateway.url).origin;
}, 120_000);
afterAll(() => (hub as TestHub | undefined)?.stop());

async function csvRows(path: string): Promise<{ header: string[]; rows: Record<string, string>[]; response: Response }> {
  const response = await fetch(`${origin}${path}`);
  const text = await response.text();
  expect({ status: response.status, text: response.status === 200 ? "" : text }).toEqual({ status: 200, text: "" });
  const [header, ...body] = parse(text);
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((c, i) => [c, cells[i]]))), response };
}

/** Every id the graph returns for a filter, page by page (pages of 2, to cross pages). */
async function graphIds(
  field: "healthProjects" | "socialProjects" | "parentalityGrants",
  filter: Record<string, unknown>,
): Promise<string[]> {
  const type = {
    healthProjects: "HealthProjectFilter",
    socialProjects: "SocialProjectFilter",
    parentalityGrants: "ParentalityGrantFilter",
  }[field];
  const found: string[] = [];
  let after: string | null = null;
  for (;;) {
    const result: Json = await hub.query(
      `query($f: ${type}, $after: String) { ${field}(filter: $f, first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      { f: filter, after },
    );
    expect(result.errors).toBeUndefined();
    found.push(...result.data[field].edges.map((e: { node: { id: string } }) => e.node.id));
    if (!result.data[field].pageInfo.hasNextPage) return found;
    after = result.data[field].pageInfo.endCursor;
  }
}

describe("laureats.csv under the explorer's filters", () => {
  test.each([
    // region 76, axis 4 in 2021: H1, H2 on the health side, S1 (axes 3 and 4) on the social side
    ["annee=2021&region=76&axes=CULTURAL_AWAKENING", { year: 2021, region: "76", axes: ["CULTURAL_AWAKENING"] }, ["H1", "H2", "S1"]],
    // axes by number, as the file writes them; text with accents; sorted by region then side: 52 (H4), then 76 (H1, H3, S1)
    [
      "annee=2021&axes=3,4&texte=%C3%89quipe",
      { year: 2021, axes: ["PARENT_ISOLATION", "CULTURAL_AWAKENING"], text: "Équipe" },
      ["H4", "H1", "H3", "S1"],
    ],
    ["annee=2021&statuts=WITHDRAWN,EVALUATED", { year: 2021, statuses: ["WITHDRAWN", "EVALUATED"] }, ["H2", "H3"]],
    // a French decimal comma; 12 000.50 € and up: H5 (52), then H2, H3 (76), S1
    ["annee=2021&montant_min=12000,50", { year: 2021, minAmount: 12_000.5 }, ["H5", "H2", "H3", "S1"]],
    ["annee=2023&departement=34&montant_max=20000", { year: 2023, department: "34", maxAmount: 20_000 }, ["H6"]],
  ])("laureats.csv?%s", async (query, filter, expected) => {
    const { header, rows, response } = await csvRows(`/exports/laureats.csv?${query}`);
    expect(header).toEqual([...LAUREATE_COLUMNS]);
    expect(rows.map((r) => r.id_projet)).toEqual(expected.map((k) => ids[k as keyof ExplorerIds]));
    // the very rows the graph returns for the same filter, side by side
    const [health, social] = await Promise.all([graphIds("healthProjects", filter), graphIds("socialProjects", filter)]);
    expect(new Set(rows.filter((r) => r.volet === "santé").map((r) => r.id_projet))).toEqual(new Set(health));
    expect(rows.filter((r) => r.volet === "social").map((r) => r.id_projet)).toEqual(social);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="laureats-1000-premiers-jours-${filter.year}-filtre.csv"`,
    );
  });

  test("a row as the graph gives it: H3, withdrawn, in two departments", async () => {
    const { rows } = await csvRows("/exports/laureats.csv?annee=2021&statuts=WITHDRAWN");
    expect(rows).toEqual([
      {
        annee: "2021",
        volet: "santé",
        financeur: "ARS Occitanie",
        code_region: "76",
        region: "Occitanie",
        id_projet: ids.H3,
        intitule: "Soutien aux parents isolés",
        siret: SIRETS.C,
        structure: NAMES.C,
        departements: "31;34",
        axes: "3",
        statut: "Retiré",
        montant: "45000.00",
      },
    ]);
  });
});

describe("subventions-caf.csv", () => {
  test.each([
    ["", {}, ["G1", "G2", "G3", "G4", "G5", "hostile"], "subventions-caf-1000-premiers-jours-toutes-annees.csv"],
    ["?departement=44", { department: "44" }, ["G3", "G4"], "subventions-caf-1000-premiers-jours-toutes-annees-filtre.csv"],
    [
      "?annee=2021&region=76&fonds=CAF_FNP,CAF_REAAP",
      { year: 2021, region: "76", funds: ["CAF_FNP", "CAF_REAAP"] },
      ["G1", "G2"],
      "subventions-caf-1000-premiers-jours-2021-filtre.csv",
    ],
    [
      "?texte=EQUIPE&montant_max=4999.99",
      { text: "EQUIPE", maxAmount: 4_999.99 },
      ["G5"],
      "subventions-caf-1000-premiers-jours-toutes-annees-filtre.csv",
    ],
    ["?annee=2022", { year: 2022 }, ["G4", "G5"], "subventions-caf-1000-premiers-jours-2022.csv"],
  ])("subventions-caf.csv%s", async (query, filter, expected, fileName) => {
    const { header, rows, response } = await csvRows(`/exports/subventions-caf.csv${query}`);
    expect(header).toEqual([...CAF_GRANT_COLUMNS]);
    const all = { ...ids, hostile: hostileId } as Record<string, string>;
    expect(rows.map((r) => r.id_subvention)).toEqual(expected.map((k) => all[k]));
    expect(rows.map((r) => r.id_subvention)).toEqual(await graphIds("parentalityGrants", filter));
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${fileName}"`);
    expect(response.headers.get("x-export-rows")).toBe(String(expected.length));
  });

  test("a row, and a title a spreadsheet would run neutralised by a quote", async () => {
    const { rows } = await csvRows("/exports/subventions-caf.csv?departement=34");
    expect(rows).toEqual([
      {
        annee: "2021",
        financeur: "CAF 34 Hérault",
        code_departement: "34",
        departement: "Hérault",
        fonds: "CAF_REAAP",
        id_subvention: ids.G2,
        objet: "Groupes de parole",
        siret: SIRETS.B,
        structure: NAMES.B,
        axes: "3",
        montant: "2500.25",
      },
    ]);
    const [hostile] = (await csvRows("/exports/subventions-caf.csv?departement=35")).rows;
    expect(hostile).toMatchObject({ objet: '\'=HYPERLINK("http://exemple.invalid") (fictif)', montant: "10.00" });
  });
});

describe("refusals: 400, a French message naming the parameter and the rule", () => {
  test.each([
    ["laureats.csv?annee=2021&montant_min=-1", /^Le montant minimal ne peut pas être négatif \(-1 €\)\. \(montant_min\)$/],
    ["laureats.csv?annee=2021&montant_min=douze", /^Montant illisible « douze » .*\(montant_min\)$/],
    ["laureats.csv?annee=2021&montant_max=12.345", /deux décimales.*\(montant_max\)$/],
    [
      "subventions-caf.csv?montant_min=100&montant_max=50",
      /^Le montant minimal \(100 €\) dépasse le montant maximal \(50 €\)\. \(montant_min\)$/,
    ],
    ["subventions-caf.csv?montant_max=2000000000", /plafond d'une ligne.*\(montant_max\)$/],
    ["laureats.csv?annee=2021&texte=%20a%20", /^Le texte recherché compte au moins 2 caractères.*\(texte\)$/],
    ["laureats.csv?annee=2021&axes=7", /^Axe inconnu « 7 » : SCREENING_CONTINUITY.*\(ou leur numéro, de 1 à 6\)\. \(axes\)$/],
    ["laureats.csv?annee=2021&statuts=FINI", /^État inconnu « FINI » : AWARDED, RENEWED, EVALUATED, WITHDRAWN\. \(statuts\)$/],
    ["subventions-caf.csv?region=99", /^Code région inconnu du COG : « 99 »\. \(region\)$/],
    ["subventions-caf.csv?fonds=FIR", /^Le graphe a refusé ExportParentalityGrants : Fonds qui ne sont pas ceux des CAF : FIR/],
    [
      "laureats.csv?annee=2021&fonds=CAF_FNP",
      /^Paramètre inconnu « fonds » ; paramètres admis : annee, region, departement, axes, statuts, montant_min, montant_max, texte\. \(fonds\)$/,
    ],
    ["subventions-caf.csv?montant-min=3", /^Paramètre inconnu « montant-min »/],
    ["subventions-caf.csv?axes=1&axes=2", /^Le paramètre « axes » est donné plusieurs fois/],
    ["laureats.csv?region=76", /^L'année est obligatoire \(par exemple annee=2021\)\.$/],
    ["subventions-caf.csv?annee=21", /^Année invalide : 21/],
  ])("%s", async (path, message) => {
    const response = await fetch(`${origin}/exports/${path}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect((await response.text()).trimEnd()).toMatch(message);
  });

  test("above the bound of an export: refused, with the count (bound lowered for the test)", async () => {
    const client = gatewayClient(hub.gateway.url);
    // 2021: H1 to H5 on the health side, S1 on the social side = 6 laureates
    await expect(exportLaureates(client, { year: 2021 }, 50, 5)).rejects.toMatchObject({
      status: 400,
      message:
        "Le filtre retient 6 lignes ; un export en compte au plus 5. Précisez le filtre (année, région, département, axes, montants, texte).",
    });
    expect((await exportLaureates(client, { year: 2021 }, 2, 6)).rows).toBe(6);
    await expect(exportCafGrants(client, {}, 2, 5)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^Le filtre retient 6 lignes ; un export en compte au plus 5\./),
    });
    expect((await exportCafGrants(client, { department: "44" }, 1, 2)).rows).toBe(2);
  });
});

test("a funder down: no file from a partial answer (502), as for the other exports", async () => {
  const down = await startTestHub({ subgraphUrls: { caf: "http://127.0.0.1:9/graphql", dreets: "http://127.0.0.1:9/graphql" } });
  try {
    const base = new URL(down.gateway.url).origin;
    for (const path of ["laureats.csv?annee=2021&region=76", "subventions-caf.csv?departement=44"]) {
      const response = await fetch(`${base}/exports/${path}`);
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/^Le graphe a refusé Export\w+ : /);
    }
  } finally {
    await down.stop();
  }
}, 120_000);
