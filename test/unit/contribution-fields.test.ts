/**
 * How the hub reads the funders' contribution fields (subgraphs/hub/contribution-fields.ts): the
 * explorer asks `details` only of funders whose schema declares them, and names the others missing.
 */
import "reflect-metadata";
import { contributionFields } from "../../subgraphs/hub/contribution-fields";
import { Contribution } from "../../subgraphs/domain/federation/contributions";

const contribution = (subgraph: string, details: boolean): Contribution => ({
  subgraph,
  entity: "Region",
  field: `${subgraph}Contribution`,
  nonNull: true,
  optionalLineFields: ["dossier", "forecast"],
  details,
});
const fields = contributionFields([contribution("caf", true), contribution("ancien", false), contribution("maisons", true)]);
const withDetails = (c: Contribution) => c.details;

test("a funder without details in its schema is not asked for them, and the explorer names it missing", () => {
  const directive = fields.requires("Region", (c) => (c.details ? "details { cents }" : null));
  expect(directive).toHaveLength(1);
  // a funder that answered, one down (absent), one whose schema has no details (only its lines came)
  const root = { code: "52", cafContribution: { details: [] }, ancienContribution: { lines: [] } };
  expect(fields.missingIn(root, "Region", withDetails)).toEqual(["ancien", "maisons"]);
  // crossFinancing reads lines: the older funder answered
  expect(fields.missingIn(root, "Region")).toEqual(["maisons"]);
  expect(fields.contributionsIn(root)).toEqual([{ details: [] }, { lines: [] }]);
});

test("no @requires when no funder has what a figure needs", () => {
  expect(fields.requires("Department", () => "lines { cents }")).toEqual([]);
  expect(contributionFields([contribution("ancien", false)]).requires("Region", (c) => (c.details ? "details { cents }" : null))).toEqual(
    [],
  );
});
