import DataLoader from "dataloader";
import { FinancedEntity } from "./contributions";
import { FundingContribution, FundingDetail, FundingLine, lazyContribution } from "./funding.types";

/** The per-request loaders a funder subgraph answers its `<subgraph>Contribution` fields with. */
export type ContributionLoaders = {
  [E in FinancedEntity as `linesBy${E}`]: DataLoader<string, FundingLine[]>;
} & {
  [E in FinancedEntity as `detailsBy${E}`]: DataLoader<string, FundingDetail[]>;
} & { structureName: DataLoader<string, string | null> };

/**
 * A funder's contribution to one entity (its code, SIRET or dossier reference), every part lazy:
 * `lines` for the contract's cross-financing, `details` for the explorer, a structure's recorded name.
 */
export function contributionOf(loaders: ContributionLoaders, entity: FinancedEntity, key: string): FundingContribution {
  return lazyContribution({
    lines: () => loaders[`linesBy${entity}`].load(key),
    details: () => loaders[`detailsBy${entity}`].load(key),
    recordedName: entity === "Structure" ? () => loaders.structureName.load(key) : undefined,
  });
}
