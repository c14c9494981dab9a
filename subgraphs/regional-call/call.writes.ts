import { DataSource } from "typeorm";
import { Actor } from "../platform/auth/organisation";
import { requireRegionalBody } from "../platform/auth/policy";
import { audit } from "../platform/audit/audit";
import { badInput } from "../platform/errors";
import { Violations } from "../domain/rules/violations";
import { writeTransaction } from "../platform/db/write-transaction";
import { CallRow } from "./call.entity";
import { findSameCall, insertCall } from "./call.repository";
import { OpenCallInput } from "./inputs";
import { checkOpenCall } from "./rules";
import { CallSide, regionalBodyOf } from "./side";
import { callKey, reported } from "./write-changes";

/**
 * Opening a call of one side, in one transaction: the rules are checked, then the call and its
 * audit entry are written together, or nothing is.
 */
export function callWrites(ds: DataSource, side: CallSide) {
  return {
    async openCall(actor: Actor | null, input: OpenCallInput): Promise<CallRow> {
      const v = new Violations();
      if (!v.region("region", input.region)) v.throwIfAny();
      const who = requireRegionalBody(actor, regionalBodyOf(side), input.region);
      const envelopeCents = checkOpenCall(input, v);
      return reported(
        writeTransaction(ds, async (m) => {
          const duplicate = await findSameCall(m, input.region, input.year, input.title.trim());
          if (duplicate)
            throw badInput(
              `Cet appel à projets existe déjà (identifiant ${duplicate.id}) : même région, même année, même intitulé.`,
              "title",
            );
          const call = await insertCall(m, input, envelopeCents);
          await audit(m, who, `open${side.typePrefix}Call`, `${side.typePrefix}Call`, call.id, input);
          return { row: call, changes: { regions: [call.regionCode], calls: [callKey(side, call)], years: [call.year] } };
        }),
      );
    },
  };
}
