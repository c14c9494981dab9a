import { PageInfo } from "../../platform/graphql/pagination";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { Axis } from "../../domain/enums";

@ObjectType({ description: "Montant d'un axe thématique dans les financements croisés." })
export class AxisAmount {
  @Field(() => Axis, { description: "L'axe." }) axis: Axis;
  @Field(() => Float, {
    description: "Montant en euros des lignes comptées portant cet axe, chacune en entier (une ligne sur deux axes compte dans les deux).",
  })
  amount: number;
  @Field(() => Int, {
    description:
      "Nombre de lignes de financement comptées portant cet axe (un enregistrement d'un financeur : lauréat, subvention, crédit, ligne de budget).",
  })
  lines: number;
  @Field(() => [String], { description: "Les financeurs de ces lignes, par ordre alphabétique." }) funders: string[];
}

@ObjectType({
  description:
    "Financements croisés par axe thématique : les mêmes lignes que crossFinancing (même rapprochement des prévisions, projets retirés exclus), réparties selon les axes que chaque financeur a indiqués. Une ligne sur plusieurs axes compte en entier dans chacun : la somme des axes ne fait donc pas le total (elle le dépasse quand des lignes ont plusieurs axes, elle est en deçà quand des lignes n'en ont aucun, voir `withoutAxis`). Complet seulement si chaque financeur a répondu.",
})
export class AxisFinancing {
  @Field(() => Float, {
    nullable: true,
    description:
      "Total en euros, chaque ligne une fois : le même que crossFinancing.total pour la même entité et la même année. Nul quand un financeur manque.",
  })
  total: number | null;
  @Field({
    description: "Vrai quand chaque financeur enregistré a répondu avec ses lignes détaillées ; faux : les chiffres ne sont qu'une partie.",
  })
  complete: boolean;
  @Field(() => [String], {
    description:
      "Les financeurs (sous-graphes) dont les lignes détaillées manquent : en panne, trop lents, en erreur, ou dont le schéma ne les déclare pas. Vide quand le chiffre est complet.",
  })
  missingFunders: string[];
  @Field(() => Float, {
    description: "Somme des financeurs qui ont répondu, en euros, chaque ligne une fois : égale à `total` quand il est complet.",
  })
  partialTotal: number;
  @Field(() => [AxisAmount], { description: "Les 6 axes dans l'ordre de l'instruction, y compris ceux sans financement (montant 0)." })
  byAxis: AxisAmount[];
  @Field(() => Float, {
    description: "Montant en euros des lignes sans aucun axe (le financeur n'en a pas indiqué, ex. le budget d'une Maison).",
  })
  withoutAxis: number;
  @Field(() => Int, { description: "Nombre de lignes sans aucun axe." }) withoutAxisLines: number;
}

@ObjectType({
  description:
    "Deux financeurs qui financent, dans le territoire et l'année, au moins une même structure (SIRET) ou un même dossier (référence partagée).",
})
export class CoFundingPair {
  @Field({ description: "Le premier des deux financeurs, par ordre alphabétique." }) firstFunder: string;
  @Field({ description: "Le second des deux financeurs, par ordre alphabétique." }) secondFunder: string;
  @Field(() => Int, { description: "Nombre de structures (SIRET) sur lesquelles les deux ont des montants comptés." }) structures: number;
  @Field(() => Int, { description: "Nombre de dossiers (références partagées) sur lesquels les deux ont des montants comptés." })
  dossiers: number;
  @Field(() => Float, {
    description:
      "Ce que le premier financeur met sur ce qu'ils partagent, en euros : ses lignes dont la structure ou le dossier est partagé par la paire.",
  })
  firstFunderAmount: number;
  @Field(() => Float, {
    description:
      "Ce que le second financeur met sur ce qu'ils partagent, en euros : ses lignes dont la structure ou le dossier est partagé par la paire.",
  })
  secondFunderAmount: number;
}

@ObjectType({
  description:
    "Qui cofinance avec qui dans un territoire pour une année : les paires de financeurs qui ont tous deux des montants comptés (après rapprochement des prévisions, projets retirés exclus) sur une même structure (SIRET) ou un même dossier (référence partagée). Une ligne compte pour une paire quand sa structure ou son dossier est partagé par les deux. Paires triées par nombre de structures et de dossiers partagés décroissant, puis par noms.",
})
export class CoFunding {
  @Field({
    description: "Vrai quand chaque financeur enregistré a répondu avec ses lignes détaillées ; faux : des paires peuvent manquer.",
  })
  complete: boolean;
  @Field(() => [String], {
    description: "Les financeurs (sous-graphes) dont les lignes détaillées manquent. Vide quand la réponse est complète.",
  })
  missingFunders: string[];
  @Field(() => Int, { description: "Nombre total de paires, avant la limite `first`." }) totalCount: number;
  @Field(() => PageInfo, { description: "Pagination : `endCursor` en `after` pour la page suivante." }) pageInfo: PageInfo;
  @Field(() => [CoFundingPair], { description: "Les paires de la page, au plus `first`." }) pairs: CoFundingPair[];
}
