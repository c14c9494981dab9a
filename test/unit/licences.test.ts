import { checkLicences, type BomComponent } from "../../scripts/licences/check";
import { isOpenSource } from "../../scripts/licences/osi";

describe("isOpenSource", () => {
  test.each([
    ["MIT", true],
    ["(MIT OR WTFPL)", true],
    ["(MIT AND BSD-3-Clause)", true],
    ["(MIT AND CC-BY-4.0)", false],
    ["Elastic-2.0", false],
    ["BSD License", false],
    ["", false],
    ["SEE LICENSE IN LICENSE.md", false],
  ])("%s → %s", (expression, expected) => expect(isOpenSource(expression)).toBe(expected));
});

describe("checkLicences", () => {
  const component = (name: string, license?: string, components?: BomComponent[]): BomComponent => ({
    name,
    version: "1.0.0",
    licenses: license === undefined ? [] : [{ license: { id: license } }],
    components,
  });

  test("an exception holds only for the licence it was reviewed for", () => {
    const exceptions = { "some-pkg": { declared: "Elastic-2.0", why: "reviewed" } };
    expect(checkLicences([component("some-pkg", "Elastic-2.0")], exceptions)[0].verdict).toBe("exception");
    expect(checkLicences([component("some-pkg", "BUSL-1.1")], exceptions)[0].verdict).toBe("refused");
  });

  test("nested components are checked, scoped names kept, no licence refused", () => {
    const lines = checkLicences([{ ...component("core", "MIT", [component("inner")]), group: "@scope" }], {});
    expect(lines.map((l) => [l.pkg, l.verdict])).toEqual([
      ["@scope/core", "open-source"],
      ["inner", "refused"],
    ]);
  });

  test("a package declaring two licences is offered under either", () => {
    const dual: BomComponent = { name: "dual", licenses: [{ license: { id: "Elastic-2.0" } }, { license: { id: "Apache-2.0" } }] };
    expect(checkLicences([dual], {})[0]).toMatchObject({ verdict: "open-source", declared: "(Elastic-2.0) OR (Apache-2.0)" });
  });
});
