/**
 * The 2022 regional calls, as published by the ministry on 21 July 2022 (seed 002): one row per
 * region of the table. "A venir" and empty cells are unknown: null, never guessed. Axes are only
 * those the "Projets attendus" cell names ("Axes choisis : n° …"); the cell text is kept whole.
 */
export interface RegionalCall2022 {
  regionCode: string;
  /** The region's name as the table spells it. */
  tableName: string;
  launched: boolean;
  specification: string | null;
  deadline: string | null;
  expectations: string | null;
  axisNumbers: number[] | null;
  resultsExpected: string | null;
}

export const REGIONAL_CALLS_SOURCE =
  "Ministère des solidarités et de la santé, « Appels à projets régionaux 1000 premiers jours de l'enfant », 21 juillet 2022";
export const REGIONAL_CALLS_YEAR = 2022;

const notLaunched = (regionCode: string, tableName: string): RegionalCall2022 => ({
  regionCode,
  tableName,
  launched: false,
  specification: null,
  deadline: null,
  expectations: null,
  axisNumbers: null,
  resultsExpected: null,
});
const toBeAnnounced = (regionCode: string, tableName: string): RegionalCall2022 => ({
  regionCode,
  tableName,
  launched: true,
  specification: null,
  deadline: null,
  expectations: null,
  axisNumbers: null,
  resultsExpected: null,
});

export const REGIONAL_CALLS_2022: readonly RegionalCall2022[] = [
  {
    regionCode: "84",
    tableName: "Auvergne-Rhône-Alpes",
    launched: true,
    specification: "CDC ARA AAP stratégie pauvreté (drees.gouv.fr)",
    deadline: "2022-04-24",
    expectations:
      "Attention portée aux actions visant le plus jeune âge (notamment le soutien à la parentalité), à la couverture des besoins fondamentaux (alimentation, santé, logement) et à la coopération entre les acteurs de la lutte contre la pauvreté (petite enfance, insertion, parentalité, formation)",
    axisNumbers: null,
    resultsExpected: "Septembre 2022 au plus tard",
  },
  toBeAnnounced("27", "Bourgogne-Franche-Comté"),
  toBeAnnounced("53", "Bretagne"),
  {
    regionCode: "24",
    tableName: "Centre-Val de Loire",
    launched: true,
    specification: "Appel à projets 2022 Petite Enfance",
    deadline: "2022-09-16",
    expectations:
      "Axes choisis : n° 1, 2, 3 Attention portée à l'approche pluridisciplinaire et collaborative des projets, à leur adéquation aux besoins locaux et aux actions d'aller-vers vers les publics les plus vulnérables.",
    axisNumbers: [1, 2, 3],
    resultsExpected: "Novembre 2022",
  },
  {
    regionCode: "94",
    tableName: "Corse",
    launched: true,
    specification: "Appel à projets Petite enfance",
    deadline: "2022-09-09",
    expectations:
      "Axes choisis : n° 1, 2, 3, 4, 5, 6 Attention particulière portée aux publics les plus vulnérables, à l'accompagnement des (futurs) parents en situation de handicap, à la formation des professionnels au repérage des violences conjugales et des enfants victimes de violences intrafamiliales, et à la mise en place d'actions contre ces violences.",
    axisNumbers: [1, 2, 3, 4, 5, 6],
    resultsExpected: "Octobre 2022",
  },
  {
    regionCode: "44",
    tableName: "Grand-Est",
    launched: true,
    specification: 'Appel à projets "Petite enfance et parentalité"',
    deadline: "2022-09-11",
    expectations:
      "Axes choisis : n° 1, 5 Attention portée au soutien à la parentalité des populations vulnérables et à la réduction des inégalités de santé, en privilégiant une approche pluridisciplinaire.",
    axisNumbers: [1, 5],
    resultsExpected: "Novembre 2022",
  },
  notLaunched("01", "Guadeloupe"),
  notLaunched("03", "Guyane"),
  {
    regionCode: "32",
    tableName: "Hauts-de-France",
    launched: true,
    specification: "Appel à projets commun relatif à l'investissement social dans la petite enfance 2022",
    deadline: "2022-09-15",
    expectations:
      "Axes choisis : n° 1, 4 Attention portée à la formation des professionnels de la petite enfance, l'éveil artistique et culturel du jeune enfant, l'accueil des enfants les plus vulnérables et l'accompagnement sans rupture des parents, notamment les plus fragiles.",
    axisNumbers: [1, 4],
    resultsExpected: "Octobre 2022",
  },
  {
    regionCode: "11",
    tableName: "Île-de-France",
    launched: true,
    specification: "Appel à projets pour la formation des professionnels de la petite enfance",
    deadline: "2022-07-15",
    expectations: "Formation des professionnels de la petite enfance.",
    axisNumbers: null,
    resultsExpected: null,
  },
  notLaunched("02", "Martinique"),
  notLaunched("06", "Mayotte"),
  notLaunched("28", "Normandie"),
  {
    regionCode: "75",
    tableName: "Nouvelle-Aquitaine",
    launched: true,
    specification: "Appel à projets régional Petite Enfance 2022 Enfance=Egalité et 1000 premiers jours",
    deadline: "2022-09-01",
    expectations:
      "Axes choisis : n° 1, 2, 3, 4 Attention portée à l'accompagnement des situations de fragilité, à la promotion de la santé, à l'éveil artistique et culturel du jeune enfant et à la formation des professionnels.",
    axisNumbers: [1, 2, 3, 4],
    resultsExpected: "Octobre 2022",
  },
  {
    regionCode: "76",
    tableName: "Occitanie",
    launched: true,
    specification: "AAP régional 2022 CLP DREETS",
    deadline: "2022-08-31",
    expectations:
      "Axes choisis : n° 4, 5 Attention portée aux publics les plus précaires (QPV, ZRR, handicap, monoparentalité), notamment en ce qui concerne l'accueil et l'accès aux services.",
    axisNumbers: [4, 5],
    resultsExpected: "Novembre 2022",
  },
  {
    regionCode: "52",
    tableName: "Pays de la Loire",
    launched: true,
    specification: "Cahier des charges Appel à projets 2022 1000 premiers jours et Enfance=Egalité",
    deadline: "2022-09-09",
    expectations:
      "Axes choisis : n° 1, 2, 3, 4, 6 Attention portée à la formation des professionnels sur la santé environnementale et le repérage précoce des vulnérabilités en matière de santé, à l'éveil culturel et artistique du jeune enfant, à l'accompagnement des personnes vulnérables et à la place du second parent.",
    axisNumbers: [1, 2, 3, 4, 6],
    resultsExpected: null,
  },
  toBeAnnounced("93", "Provence-Alpes-Côte d'Azur"),
  notLaunched("04", "Réunion"),
];
