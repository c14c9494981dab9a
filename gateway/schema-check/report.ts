import type { SchemaCheckReport } from "../schema-check";

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The report as a partner reads it in a terminal or a CI log, in French. */
export function formatSchemaCheckReport(report: SchemaCheckReport): string {
  const lines = [
    `Vérification du sous-graphe « ${report.subgraph} » (${report.replacesRegistered ? "remplace le sous-graphe enregistré de ce nom" : "nouveau sous-graphe"}) :`,
  ];
  if (report.compositionErrors.length) {
    lines.push(
      `✗ La composition avec les sous-graphes enregistrés échoue (${plural(report.compositionErrors.length, "erreur", "erreurs")}) :`,
    );
    lines.push(...report.compositionErrors.map((e) => `    - ${e}`));
    lines.push("  (changements incompatibles et contrat non vérifiés : la composition doit d'abord réussir)");
  } else {
    lines.push(`✓ La composition avec les sous-graphes enregistrés réussit (${report.composedWith} sous-graphes).`);
    if (report.breakingChanges.length) {
      lines.push(
        `✗ ${plural(report.breakingChanges.length, "changement incompatible", "changements incompatibles")} avec le graphe public servi aujourd'hui (les applications qui s'en servent cesseraient de fonctionner) :`,
      );
      lines.push(...report.breakingChanges.map((c) => `    - ${c}`));
    } else {
      lines.push("✓ Aucun changement incompatible avec le graphe public servi aujourd'hui.");
    }
    if (report.contractBreaks.length) {
      lines.push(
        `✗ ${plural(report.contractBreaks.length, "opération du contrat public ne serait plus valide", "opérations du contrat public ne seraient plus valides")} :`,
      );
      for (const broken of report.contractBreaks) lines.push(`    - ${broken.operation} : ${broken.errors.join(" ; ")}`);
    } else {
      lines.push(`✓ Les ${report.contractOperations} opérations du contrat public restent valides.`);
    }
  }
  lines.push(
    report.ok
      ? `OK : le sous-graphe « ${report.subgraph} » peut être enregistré (son entrée dans schema/supergraph.yaml, puis npm run compose).`
      : `REFUSÉ : corrigez les points marqués ✗ avant d'enregistrer le sous-graphe « ${report.subgraph} ».`,
  );
  return lines.join("\n") + "\n";
}
