/**
 * The filter input of a funder's national list (`ParentalityGrantFilter`…), generated from the
 * words the funder declares: year, region, department, its own filter and the explorer's fields.
 */
import { Field, ID, InputType, Int } from "type-graphql";
import { addExplorerFilterFields } from "../domain/explorer/filter.input";
import type { LineListDeclaration } from "./funder";

export function lineFilter({ name, description, year, region, department, own }: LineListDeclaration["filter"]) {
  @InputType(name, { description })
  class LineFilter {
    @Field(() => Int, { nullable: true, description: year }) year?: number | null;
    @Field(() => ID, { nullable: true, description: region }) region?: string | null;
    @Field(() => ID, { nullable: true, description: department }) department?: string | null;
  }
  Field(() => [own.type], { nullable: true, description: own.description })(LineFilter.prototype, own.field);
  addExplorerFilterFields(LineFilter);
  return LineFilter;
}
