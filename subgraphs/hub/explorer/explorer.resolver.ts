import { Arg, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { badInput } from "../../platform/errors";
import { FinancedEntity } from "../../domain/federation/contributions";
import { DETAIL_FIELDS } from "../../domain/federation/funding.types";
import { centsToEuros } from "../../domain/money";
import { applyAll, ContributionFields, exactFigure, FundingDetailData } from "../contribution-fields";
import { axisFinancing } from "./axis-financing";
import { coFundingPairs } from "./co-funding";
import { pairsPage } from "./co-funding-page";
import { AxisFinancing, CoFunding } from "./explorer.types";

/** At most this many pairs per answer: 200 pairs is 20 funders all co-financing with each other. */
export const MAX_CO_FUNDING_PAIRS = 200;
const DEFAULT_CO_FUNDING_PAIRS = 50;
const DETAILS = `details { ${DETAIL_FIELDS.join(" ")} }`;

type EntityClass = abstract new (...args: never[]) => object;

/**
 * The explorer's figures on the hub's shared entities: cross-financing by axis (Region,
 * Department, Structure, Project) and who co-finances with whom (Region, Department). They
 * @require the funders' `details`, never their `lines`: the contract's reads do not pay for them.
 */
export function createExplorerResolvers(entities: Record<FinancedEntity, EntityClass>, fields: ContributionFields) {
  const detailsOf = (root: object): FundingDetailData[] =>
    fields.contributionsIn(root).flatMap((c) => (Array.isArray(c.details) ? c.details : []));
  // a funder whose schema has no `details` cannot be split by axis or structure: its money is missing, said so
  const missingIn = (root: object, entity: FinancedEntity) => fields.missingIn(root, entity, (c) => c.details);

  const byAxis = (root: object, entity: FinancedEntity, year?: number | null): AxisFinancing =>
    exactFigure(() => {
      const data = axisFinancing(detailsOf(root), year);
      const missingFunders = missingIn(root, entity);
      return {
        total: missingFunders.length ? null : centsToEuros(data.totalCents),
        complete: missingFunders.length === 0,
        missingFunders,
        partialTotal: centsToEuros(data.totalCents),
        byAxis: data.byAxis.map((a) => ({ axis: a.axis, amount: centsToEuros(a.cents), lines: a.lines, funders: a.funders })),
        withoutAxis: centsToEuros(data.withoutAxisCents),
        withoutAxisLines: data.withoutAxisLines,
      };
    });

  const coFunding = (root: object, entity: FinancedEntity, year: number, first: number, after?: string | null): CoFunding => {
    if (!Number.isInteger(first) || first < 0 || first > MAX_CO_FUNDING_PAIRS)
      throw badInput(`Le nombre de paires (first) est compris entre 0 et ${MAX_CO_FUNDING_PAIRS}.`, "first");
    return exactFigure(() => {
      const pairs = coFundingPairs(detailsOf(root), year);
      const missingFunders = missingIn(root, entity);
      const { page, pageInfo } = pairsPage(pairs, first, after);
      return {
        complete: missingFunders.length === 0,
        missingFunders,
        totalCount: pairs.length,
        pageInfo,
        pairs: page.map((p) => ({
          firstFunder: p.firstFunder,
          secondFunder: p.secondFunder,
          structures: p.structures,
          dossiers: p.dossiers,
          firstFunderAmount: centsToEuros(p.firstCents),
          secondFunderAmount: centsToEuros(p.secondCents),
        })),
      };
    });
  };

  const yearArg = () => Arg("year", () => Int, { nullable: true, description: "Année (toutes si absente)." });
  const coFundingYear = () => Arg("year", () => Int, { description: "Année." });
  const firstArg = () =>
    Arg("first", () => Int, {
      defaultValue: DEFAULT_CO_FUNDING_PAIRS,
      description: `Nombre de paires au plus (${MAX_CO_FUNDING_PAIRS} au maximum).`,
    });
  const afterArg = () =>
    Arg("after", () => String, { nullable: true, description: "Curseur après lequel commencer (endCursor de la page précédente)." });
  const BY_AXIS =
    "Financements croisés par axe thématique (une ligne sur plusieurs axes compte en entier dans chacun : les axes ne s'additionnent pas pour faire le total).";
  const CO_FUNDING =
    "Qui cofinance avec qui : les paires de financeurs qui financent une même structure ou un même dossier dans le territoire, pour l'année.";

  @Resolver(() => entities.Region)
  class RegionExplorer {
    @FieldResolver(() => AxisFinancing, { nullable: true, description: `${BY_AXIS} Toutes les lignes de la région.` })
    crossFinancingByAxis(@Root() region: object, @yearArg() year?: number): AxisFinancing {
      return byAxis(region, "Region", year);
    }

    @FieldResolver(() => CoFunding, { nullable: true, description: `${CO_FUNDING} Toutes les lignes de la région.` })
    coFunding(
      @Root() region: object,
      @coFundingYear() year: number,
      @firstArg() first: number,
      @afterArg() after?: string | null,
    ): CoFunding {
      return coFunding(region, "Region", year, first, after);
    }
  }

  @Resolver(() => entities.Department)
  class DepartmentExplorer {
    @FieldResolver(() => AxisFinancing, {
      nullable: true,
      description: `${BY_AXIS} Un projet qui se déroule dans plusieurs départements y compte pour sa part, comme dans crossFinancing.`,
    })
    crossFinancingByAxis(@Root() department: object, @yearArg() year?: number): AxisFinancing {
      return byAxis(department, "Department", year);
    }

    @FieldResolver(() => CoFunding, {
      nullable: true,
      description: `${CO_FUNDING} Un projet qui se déroule dans plusieurs départements y compte pour sa part.`,
    })
    coFunding(
      @Root() department: object,
      @coFundingYear() year: number,
      @firstArg() first: number,
      @afterArg() after?: string | null,
    ): CoFunding {
      return coFunding(department, "Department", year, first, after);
    }
  }

  @Resolver(() => entities.Structure)
  class StructureExplorer {
    @FieldResolver(() => AxisFinancing, {
      nullable: true,
      description: `${BY_AXIS} Une Maison portée à plusieurs compte pour son premier porteur.`,
    })
    crossFinancingByAxis(@Root() structure: object, @yearArg() year?: number): AxisFinancing {
      return byAxis(structure, "Structure", year);
    }
  }

  @Resolver(() => entities.Project)
  class ProjectExplorer {
    @FieldResolver(() => AxisFinancing, { nullable: true, description: BY_AXIS })
    crossFinancingByAxis(@Root() project: object, @yearArg() year?: number): AxisFinancing {
      return byAxis(project, "Project", year);
    }
  }

  const requireDetails = (entity: FinancedEntity) => fields.requires(entity, (c) => (c.details ? DETAILS : null));
  applyAll(requireDetails("Region"), RegionExplorer.prototype, "crossFinancingByAxis");
  applyAll(requireDetails("Region"), RegionExplorer.prototype, "coFunding");
  applyAll(requireDetails("Department"), DepartmentExplorer.prototype, "crossFinancingByAxis");
  applyAll(requireDetails("Department"), DepartmentExplorer.prototype, "coFunding");
  applyAll(requireDetails("Structure"), StructureExplorer.prototype, "crossFinancingByAxis");
  applyAll(requireDetails("Project"), ProjectExplorer.prototype, "crossFinancingByAxis");
  return [RegionExplorer, DepartmentExplorer, StructureExplorer, ProjectExplorer] as const;
}
