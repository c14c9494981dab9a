import { Ctx, FieldResolver, Float, Resolver, Root } from "type-graphql";
import { centsToEuros, sumCents } from "../domain/money";
import { Assessment } from "./assessment.type";
import { MaisonsContext } from "./context";
import { Project, Region, Structure } from "./entity-stubs";
import { BudgetLine, MaisonProject } from "./maison.type";

@Resolver(() => MaisonProject)
export class MaisonResolver {
  @FieldResolver(() => Region, { description: "Territoire (région d'outre-mer)." })
  territory(@Root() maison: MaisonProject): Region {
    return { code: maison.row.territoryCode };
  }

  @FieldResolver(() => [Structure], { description: "Porteurs du projet, le porteur principal en premier." })
  async carriers(@Root() maison: MaisonProject, @Ctx() ctx: MaisonsContext): Promise<Structure[]> {
    return (await ctx.loaders.carriers.load(maison.row.id)).map((c) => ({ siret: c.siret }));
  }

  @FieldResolver(() => Assessment, { description: "Évaluation selon la grille de l'annexe 2." })
  async assessment(@Root() maison: MaisonProject, @Ctx() ctx: MaisonsContext): Promise<Assessment> {
    const [rows, grid] = await Promise.all([ctx.loaders.assessments.load(maison.row.id), ctx.loaders.labellingGrid()]);
    const met = new Map(rows.map((r) => [r.criterionCode, r.met]));
    const criteria = grid.map((c) => ({ code: c.code, label: c.label, met: met.has(c.code) ? (met.get(c.code) as boolean) : null }));
    return {
      met: criteria.filter((c) => c.met === true).length,
      assessed: rows.length,
      total: grid.length,
      complete: rows.length === grid.length,
      criteria,
    };
  }

  @FieldResolver(() => [BudgetLine], { description: "Budget prévisionnel 2024-2025, toutes sources." })
  async budget(@Root() maison: MaisonProject, @Ctx() ctx: MaisonsContext): Promise<BudgetLine[]> {
    return (await ctx.loaders.budget.load(maison.row.id)).map((b) => ({
      year: b.year,
      source: b.source,
      amount: centsToEuros(b.amountCents),
    }));
  }

  @FieldResolver(() => Float, { description: "Total du budget prévisionnel en euros." })
  async budgetTotal(@Root() maison: MaisonProject, @Ctx() ctx: MaisonsContext): Promise<number> {
    return centsToEuros(sumCents((await ctx.loaders.budget.load(maison.row.id)).map((b) => b.amountCents)));
  }

  @FieldResolver(() => Project, { nullable: true, description: "Dossier cofinancé, s'il est référencé." })
  project(@Root() maison: MaisonProject): Project | null {
    return maison.row.projectRef ? { ref: maison.row.projectRef } : null;
  }
}
