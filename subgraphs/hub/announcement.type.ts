import { Field, Int, ObjectType } from "type-graphql";
import { Axis, axisFromNumber } from "../domain/enums";
import { RegionalCallAnnouncementRow } from "./reference.entities";

/** The 2022 announcement type, created per schema: its `region` field resolver points at this schema's Region class. */
export function createAnnouncementType() {
  @ObjectType({
    description:
      "Appel à projets régional tel que le ministère l'a recensé (page du 21 juillet 2022). Les valeurs inconnues (« A venir », cases vides) restent nulles.",
  })
  class RegionalCallAnnouncement {
    @Field(() => Int, { description: "Année." }) year: number;
    @Field({ description: "Vrai si la région a lancé ou annoncé un appel à projets." }) launched: boolean;
    @Field(() => String, { nullable: true, description: "Cahier des charges." }) specification: string | null;
    @Field(() => String, { nullable: true, description: "Date limite de dépôt des projets (AAAA-MM-JJ)." }) deadline: string | null;
    @Field(() => String, { nullable: true, description: "Projets attendus (texte du tableau)." }) expectations: string | null;
    @Field(() => [Axis], { nullable: true, description: "Axes choisis, quand le tableau les nomme." }) axes: Axis[] | null;
    @Field(() => String, { nullable: true, description: "Date prévisionnelle des résultats, telle qu'écrite (ex. « Novembre 2022 »)." })
    resultsExpected: string | null;
    @Field({ description: "Source." }) source: string;
    regionCode: string;
  }
  const toAnnouncement = (a: RegionalCallAnnouncementRow): RegionalCallAnnouncement => ({
    year: a.year,
    launched: a.launched,
    specification: a.specification,
    deadline: a.deadline,
    expectations: a.expectations,
    axes: a.axisNumbers ? a.axisNumbers.split(",").map((n) => axisFromNumber(Number(n))) : null,
    resultsExpected: a.resultsExpected,
    source: a.source,
    regionCode: a.regionCode,
  });

  return { RegionalCallAnnouncement, toAnnouncement };
}

export type AnnouncementType = ReturnType<typeof createAnnouncementType>;
export type AnnouncementObject = InstanceType<AnnouncementType["RegionalCallAnnouncement"]>;
