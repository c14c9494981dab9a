import { Axis, AXES_IN_ORDER } from "../enums";

/** Wording of the 6 axes as instruction SGMCAS/2021/74 and the 2022 page list them. */
const LABELS: Record<Axis, string> = {
  [Axis.SCREENING_CONTINUITY]:
    "Le repérage des situations de fragilité et l'accompagnement sans rupture tout au long des 1000 premiers jours",
  [Axis.HEALTH_PROMOTION]: "Le développement d'actions en promotion de la santé des plus petits",
  [Axis.PARENT_ISOLATION]: "La prévention de l'isolement et de l'épuisement des parents",
  [Axis.CULTURAL_AWAKENING]:
    "L'aménagement de lieux et de l'offre à destination des jeunes enfants et de leurs parents pour favoriser l'éveil culturel et artistique des tout-petits, notamment des plus défavorisés",
  [Axis.WORK_LIFE_BALANCE]: "La conciliation des temps entre vie professionnelle et parentalité",
  [Axis.SECOND_PARENT]: "La place du père ou du second parent dans le parcours des 1000 premiers jours",
};

export interface AxisRecord {
  number: number;
  axis: Axis;
  label: string;
}

export const AXIS_RECORDS: readonly AxisRecord[] = AXES_IN_ORDER.map((axis, i) => ({ number: i + 1, axis, label: LABELS[axis] }));
