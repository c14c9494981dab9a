import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { Axis, FundingSource } from "../enums";

/**
 * What a funder subgraph reports to the cross-financing computation: its lines for one entity,
 * grouped by year, source and funder. Hidden from the public API (@inaccessible): the hub subgraph
 * reads them through @requires and exposes only `crossFinancing`.
 */
@Directive("@shareable")
@Directive("@inaccessible")
@ObjectType({ description: "Ligne de financement interne (année, source, financeur, montant en centimes)." })
export class FundingLine {
  @Field(() => Int, { description: "Année du financement." }) year: number;
  @Field(() => FundingSource, { description: "Source du financement." }) source: FundingSource;
  @Field({ description: "Financeur (organisme et territoire)." }) funder: string;
  @Field(() => Float, { description: "Montant en centimes d'euro (entier exact)." }) cents: number;
  @Field(() => String, {
    nullable: true,
    description: "Référence partagée du dossier, quand le financeur l'a enregistrée (rapprochement des prévisions).",
  })
  dossier?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Vrai pour une prévision (budget d'une Maison), remplacée par le montant que le financeur enregistre pour le même dossier, la même source et la même année.",
  })
  forecast?: boolean | null;
}

/** The line fields the hub always asks; `dossier` and `forecast` are asked of the funders whose schema has them. */
export const REQUIRED_LINE_FIELDS = ["year", "source", "funder", "cents"] as const;
export const OPTIONAL_LINE_FIELDS = ["dossier", "forecast"] as const;

/**
 * One funding record of a funder for one entity, with what `lines` groups away: the structure and
 * the axes. Read by the hub's explorer (by axis, who co-finances with whom), never by the contract.
 */
@Directive("@shareable")
@Directive("@inaccessible")
@ObjectType({ description: "Ligne de financement détaillée interne : un enregistrement du financeur, avec sa structure et ses axes." })
export class FundingDetail extends FundingLine {
  @Field(() => String, { nullable: true, description: "SIRET de la structure financée (pour une Maison : son premier porteur)." }) siret:
    string | null;
  @Field(() => [Axis], { description: "Axes thématiques de la ligne ; vide quand le financeur n'en a indiqué aucun." }) axes: Axis[];
}

/** The fields the hub's explorer asks of a funder's `details`. */
export const DETAIL_FIELDS = ["year", "source", "funder", "cents", "dossier", "forecast", "siret", "axes"] as const;

@Directive("@shareable")
@Directive("@inaccessible")
@ObjectType({ description: "Contribution interne d'un financeur à une entité partagée." })
export class FundingContribution {
  @Field(() => [FundingLine], { description: "Les lignes de financement de ce financeur pour l'entité." })
  lines: FundingLine[] | Promise<FundingLine[]>;

  @Field(() => [FundingDetail], {
    description: "Les mêmes montants, un enregistrement par ligne, avec SIRET et axes (explorateur du hub).",
  })
  details: FundingDetail[] | Promise<FundingDetail[]>;

  @Field(() => String, { nullable: true, description: "Le nom que ce financeur a enregistré pour l'entité (structures)." })
  recordedName: string | null | Promise<string | null>;
}

/** Suffix of the field by which a funder subgraph contributes to an entity: `<subgraph>Contribution`. */
export const CONTRIBUTION_FIELD_SUFFIX = "Contribution";
export const contributionField = (subgraph: string) => `${subgraph}${CONTRIBUTION_FIELD_SUFFIX}`;

/**
 * Builds a contribution whose fields load lazily: a dashboard asking only a structure's name does
 * not pay for its funding lines, the contract's cross-financing (`lines`) not for the explorer's
 * `details`, and the other way round.
 */
export function lazyContribution(load: {
  lines: () => Promise<FundingLine[]>;
  details: () => Promise<FundingDetail[]>;
  recordedName?: () => Promise<string | null>;
}): FundingContribution {
  return {
    get lines() {
      return load.lines();
    },
    get details() {
      return load.details();
    },
    get recordedName() {
      return load.recordedName?.() ?? Promise.resolve(null);
    },
  };
}
