/**
 * The French words the dashboard shows for the codes of the public schema (enum values) and the
 * reference data it needs to draw its controls. Sent to the page with it: the browser holds no
 * domain data of its own and asks the graph only through the contract's operations.
 */
import { REGIONS } from "../../subgraphs/domain/reference/cog";
import { LABELLING_CRITERIA } from "../../subgraphs/domain/reference/labelling-criteria";
import { AXIS_RECORDS } from "../../subgraphs/domain/reference/axes";

/** Short names of the funding sources (FundingSource), as partners write them. */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  FIR: "FIR (ARS)",
  P304_17: "P304 action 17 (DREETS)",
  P304_19: "P304 action 19",
  CAF_FNP: "CAF – Fonds national parentalité",
  CAF_REAAP: "CAF – REAAP",
  CAF_LAEP: "CAF – LAEP",
  CAF_FPT: "CAF – Fonds publics et territoires",
  FIPE: "FIPE (CAF)",
  DEPARTMENT: "Crédits départementaux",
  LOCAL_AUTHORITY: "Autres collectivités",
  OTHER: "Autres financements",
};

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  AWARDED: "Attribué",
  RENEWED: "Reconduit",
  EVALUATED: "Évalué",
  WITHDRAWN: "Retiré",
};

export const DECISION_LABELS: Readonly<Record<string, string>> = {
  PENDING: "En attente",
  LABELLED: "Labellisé",
  DEFERRED: "Ajourné",
  REJECTED: "Rejeté",
};

export const PHASE_LABELS: Readonly<Record<string, string>> = {
  SUBMITTED: "Soumis au comité national",
  DIAGNOSIS: "Phase 1 : diagnostic partagé",
  OPERATIONAL: "Phase 2 : mise en œuvre",
};

/** The years of the policy the dashboard offers (2021 calls to the 2025 Maisons budgets). */
export const DASHBOARD_YEARS: readonly number[] = [2021, 2022, 2023, 2024, 2025];

export interface DashboardReference {
  regions: { code: string; name: string; overseas: boolean }[];
  years: readonly number[];
  defaultRegion: string;
  defaultYear: number;
  sources: Readonly<Record<string, string>>;
  statuses: Readonly<Record<string, string>>;
  decisions: Readonly<Record<string, string>>;
  phases: Readonly<Record<string, string>>;
  axes: { code: string; number: number; label: string }[];
  criteria: { code: string; group: string; heading: string; label: string }[];
}

export function dashboardReference(): DashboardReference {
  return {
    regions: [...REGIONS]
      .sort((a, b) => a.name.localeCompare(b.name, "fr"))
      .map((r) => ({ code: r.code, name: r.name, overseas: r.overseas })),
    years: DASHBOARD_YEARS,
    defaultRegion: "52",
    defaultYear: 2021,
    sources: SOURCE_LABELS,
    statuses: STATUS_LABELS,
    decisions: DECISION_LABELS,
    phases: PHASE_LABELS,
    axes: AXIS_RECORDS.map((a) => ({ code: a.axis, number: a.number, label: a.label })),
    criteria: LABELLING_CRITERIA.map((c) => ({ code: c.code, group: c.group, heading: c.heading, label: c.label })),
  };
}
