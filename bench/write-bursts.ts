/**
 * Bursts of concurrent writes for the load test (issue #12): each burst sends, at once, copies of
 * one CAF grant (one must be recorded, the others refused as duplicates), distinct grants for one
 * new SIRET (all recorded) and awards against one small envelope (recorded until it is spent).
 * Refusals must be BAD_USER_INPUT with a French message; anything else is an internal error.
 * At the end the database must hold exactly what was acknowledged. Fictitious data.
 */
import { TestHub } from "../test/support/hub";
import { contractQuery } from "../test/support/contract";
import { withLuhnCheckDigit } from "../subgraphs/domain/siret";

export interface BurstStats {
  sent: number;
  accepted: number;
  refused: number;
  internalErrors: number;
  firstErrors: string[];
}

const ENVELOPE_EUROS = 100_000;
const AWARD_EUROS = 2_500;
const COPIES = 4;
const DISTINCT = 4;
const AWARDS = 3;

export async function writeBursts(hub: TestHub) {
  const caf = await hub.auth.token("caf:44");
  const ars = await hub.auth.token("ars:52");
  const opened = await hub.query(
    contractQuery("OpenHealthCall"),
    {
      input: {
        region: "52",
        year: 2021,
        title: "Appel de charge (fictif)",
        axes: ["PARENT_ISOLATION"],
        joint: false,
        envelope: ENVELOPE_EUROS,
      },
    },
    "OpenHealthCall",
    ars,
  );
  if (opened.errors) throw new Error(`ouverture de l'appel de charge : ${opened.errors[0].message}`);
  const callId: string = opened.data.openHealthCall.id;
  const stats: BurstStats = { sent: 0, accepted: 0, refused: 0, internalErrors: 0, firstErrors: [] };
  const grantIds = new Set<string>();
  let awardedCents = 0;
  let bursts = 0;

  const send = async (name: string, variables: Record<string, unknown>, token: string, field: string): Promise<{ id: string } | null> => {
    stats.sent++;
    const answer = await hub.query(contractQuery(name), variables, name, token);
    const error = answer.errors?.[0];
    if (!error) {
      stats.accepted++;
      return answer.data[field];
    }
    if (error.extensions?.code === "BAD_USER_INPUT" && /[éèàç]/.test(error.message)) {
      stats.refused++;
      return null;
    }
    stats.internalErrors++;
    const code = error.extensions?.code;
    if (stats.firstErrors.length < 5) stats.firstErrors.push(`${name}: ${typeof code === "string" ? code : "?"} ${error.message}`);
    return null;
  };

  return {
    stats,
    async burst(): Promise<void> {
      const n = bursts++;
      const siret = withLuhnCheckDigit(String(9_800_000_000_000 + n));
      const grant = (title: string) => ({
        department: "44",
        year: 2025,
        fund: "CAF_LAEP",
        siret,
        structureName: `Structure de rafale ${n} (fictive)`,
        title,
        amount: 100,
      });
      const writes = [
        ...Array.from({ length: COPIES }, () =>
          send("RecordParentalityGrant", { input: grant("Rafale : copie") }, caf, "recordParentalityGrant"),
        ),
        ...Array.from({ length: DISTINCT }, (_, i) =>
          send("RecordParentalityGrant", { input: grant(`Rafale : ligne ${i}`) }, caf, "recordParentalityGrant"),
        ),
      ];
      const awards = Array.from({ length: AWARDS }, (_, i) =>
        send(
          "AwardHealthProject",
          {
            input: {
              callId,
              title: `Projet de rafale ${n}-${i}`,
              siret,
              structureName: `Structure de rafale ${n} (fictive)`,
              departments: ["44"],
              axes: ["PARENT_ISOLATION"],
              amount: AWARD_EUROS,
            },
          },
          ars,
          "awardHealthProject",
        ),
      );
      for (const g of await Promise.all(writes)) if (g) grantIds.add(g.id);
      for (const a of await Promise.all(awards)) if (a) awardedCents += AWARD_EUROS * 100;
    },
    /** What the databases hold against what was acknowledged; a list of French discrepancies. */
    async check(): Promise<string[]> {
      const problems: string[] = [];
      const grants: { id: number }[] = await hub.subgraphs.caf.database.dataSource.query(
        "SELECT id FROM parentality_grant WHERE year = 2025 AND fund = 'CAF_LAEP' AND title LIKE 'Rafale : %'",
      );
      const stored = new Set(grants.map((g) => String(g.id)));
      if (stored.size !== grantIds.size || [...grantIds].some((id) => !stored.has(id)))
        problems.push(`subventions : ${stored.size} enregistrées, ${grantIds.size} acquittées`);
      if (grantIds.size !== bursts * (1 + DISTINCT))
        problems.push(`subventions : ${grantIds.size} acquittées, ${bursts * (1 + DISTINCT)} attendues`);
      const [{ total }] = await hub.subgraphs.ars.database.dataSource.query(
        `SELECT COALESCE(SUM(amount_cents), 0) AS total FROM laureate_project WHERE call_id = ${Number(callId)}`,
      );
      if (Number(total) !== awardedCents) problems.push(`attributions : ${Number(total)} centimes enregistrés, ${awardedCents} acquittés`);
      if (Number(total) > ENVELOPE_EUROS * 100) problems.push("enveloppe dépassée");
      return problems;
    },
  };
}
