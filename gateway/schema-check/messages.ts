import { BreakingChange, BreakingChangeType } from "graphql";

/**
 * Partners read the check's report: graphql-js's English descriptions of breaking changes and
 * validation errors, said in French. A description that no pattern knows keeps its English text
 * after a French lead, so nothing is ever hidden.
 */
type Translation = [RegExp, (...groups: string[]) => string];

const BREAKING: Partial<Record<BreakingChangeType, Translation>> = {
  TYPE_REMOVED: [/^(?:Standard scalar )?(\w+) was removed/, (t) => `le type ${t} est supprimé`],
  TYPE_CHANGED_KIND: [
    /^(\w+) changed from (?:an? )?(.+) to (?:an? )?(.+)\.$/,
    (t, from, to) => `le type ${t} change de nature (${from} → ${to})`,
  ],
  TYPE_REMOVED_FROM_UNION: [/^(\w+) was removed from union type (\w+)\.$/, (t, u) => `le type ${t} est retiré de l'union ${u}`],
  VALUE_REMOVED_FROM_ENUM: [/^(\w+) was removed from enum type (\w+)\.$/, (v, e) => `la valeur ${v} est retirée de l'énumération ${e}`],
  REQUIRED_INPUT_FIELD_ADDED: [
    /^A required field (\w+) on input type (\w+) was added\.$/,
    (f, t) => `le champ obligatoire ${f} est ajouté à l'entrée ${t} : les appels existants, qui ne le donnent pas, seraient refusés`,
  ],
  IMPLEMENTED_INTERFACE_REMOVED: [
    /^(\w+) no longer implements interface (\w+)\.$/,
    (t, i) => `le type ${t} n'implémente plus l'interface ${i}`,
  ],
  FIELD_REMOVED: [/^(\w+)\.(\w+) was removed\.$/, (t, f) => `le champ ${t}.${f} est supprimé`],
  FIELD_CHANGED_KIND: [
    /^(\w+)\.(\w+) changed type from (.+) to (.+)\.$/,
    (t, f, from, to) => `le champ ${t}.${f} change de type : ${from} → ${to}`,
  ],
  REQUIRED_ARG_ADDED: [
    /^A required arg (\w+) on (\w+)\.(\w+) was added\.$/,
    (a, t, f) => `l'argument obligatoire ${a} est ajouté à ${t}.${f} : les requêtes existantes, qui ne le donnent pas, seraient refusées`,
  ],
  ARG_REMOVED: [/^(\w+)\.(\w+) arg (\w+) was removed\.$/, (t, f, a) => `l'argument ${a} de ${t}.${f} est supprimé`],
  ARG_CHANGED_KIND: [
    /^(\w+)\.(\w+) arg (\w+) has changed type from (.+) to (.+)\.$/,
    (t, f, a, from, to) => `l'argument ${a} de ${t}.${f} change de type : ${from} → ${to}`,
  ],
  DIRECTIVE_REMOVED: [/^(\w+) was removed\.$/, (d) => `la directive @${d} est supprimée`],
  DIRECTIVE_ARG_REMOVED: [/^(\w+) was removed from (\w+)\.$/, (a, d) => `l'argument ${a} de la directive @${d} est supprimé`],
  REQUIRED_DIRECTIVE_ARG_ADDED: [
    /^A required arg (\w+) on directive (\w+) was added\.$/,
    (a, d) => `l'argument obligatoire ${a} est ajouté à la directive @${d}`,
  ],
  DIRECTIVE_REPEATABLE_REMOVED: [/^Repeatable flag was removed from (\w+)\.$/, (d) => `la directive @${d} n'est plus répétable`],
  DIRECTIVE_LOCATION_REMOVED: [/^(\w+) was removed from (\w+)\.$/, (l, d) => `la directive @${d} n'est plus permise sur ${l}`],
};

export function breakingChangeInFrench(change: BreakingChange): string {
  const translation = BREAKING[change.type];
  const match = translation?.[0].exec(change.description);
  return translation && match ? translation[1](...match.slice(1)) : `changement incompatible (${change.type}) : ${change.description}`;
}

const VALIDATION: Translation[] = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, (f, t) => `le champ ${t}.${f} n'existe pas`],
  [/^Unknown type "(\w+)"\./, (t) => `le type ${t} n'existe pas`],
  [/^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./, (a, t, f) => `l'argument ${a} n'existe pas sur ${t}.${f}`],
  [
    /^Field "([\w.]+)" argument "(\w+)" of type "(.+)" is required, but it was not provided\./,
    (f, a, type) => `l'argument obligatoire ${a} (${type}) du champ ${f} n'est pas donné`,
  ],
  [
    /^Variable "\$(\w+)" of type "(.+)" used in position expecting type "(.+)"\./,
    (v, has, expected) => `la variable $${v} est de type ${has}, le schéma attend ${expected}`,
  ],
  [/^Value "(\w+)" does not exist in "(\w+)" enum\./, (v, e) => `la valeur ${v} n'existe pas dans l'énumération ${e}`],
  [
    /^Field "(\w+)" must not have a selection since type "(.+)" has no subfields\./,
    (f, t) => `le champ ${f} est devenu de type ${t}, sans sous-champs`,
  ],
  [
    /^Field "(\w+)" of type "(.+)" must have a selection of subfields\./,
    (f, t) => `le champ ${f} est devenu de type ${t}, qui demande des sous-champs`,
  ],
];

export function validationErrorInFrench(message: string): string {
  for (const [pattern, say] of VALIDATION) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return message;
}

const COMPOSITION: Translation[] = [
  [
    /^Non-shareable field "(\w+)\.(\w+)" is resolved from multiple subgraphs/,
    (t, f) =>
      `le champ ${t}.${f} est déjà résolu par un autre sous-graphe : sur une entité partagée, un sous-graphe n'ajoute que ses propres champs (ou le champ doit être @shareable partout)`,
  ],
  [
    /^Type of field "(\w+)\.(\w+)" is incompatible across subgraphs/,
    (t, f) => `le champ ${t}.${f} n'a pas le même type que dans les autres sous-graphes`,
  ],
  [
    /^Enum type "(\w+)" is used as both input type .* and output type .*, but value "(\w+)" is not defined in all the subgraphs/,
    (e, v) => `la valeur ${v} de l'énumération ${e} doit être déclarée dans tous les sous-graphes qui la définissent`,
  ],
];

/** A composition error: a French reading when the pattern is known, the composer's text always kept. */
export function compositionErrorInFrench(message: string): string {
  for (const [pattern, say] of COMPOSITION) {
    const match = pattern.exec(message);
    if (match) return `${say(...match.slice(1))} (détail : ${message})`;
  }
  return message;
}
