/**
 * Production dependencies whose declared licence is not an OSI-approved open-source licence, each
 * accepted on purpose. An exception names the licence it was reviewed for: if a new version
 * declares another one, the check fails again and someone reads it anew.
 */
export interface LicenceException {
  /** The licence expression the package declares (or "" when it declares none). */
  declared: string;
  /** What we read and what it means for a public body running the hub. */
  why: string;
}

export const LICENCE_EXCEPTIONS: Record<string, LicenceException> = {
  // Source-available, not open source. Pulled in at runtime by @apollo/subgraph (MIT), which every
  // subgraph uses to speak Federation. The Elastic License 2.0 lets anyone use, copy and modify it,
  // and forbids offering it to third parties as a hosted or managed service, and removing licence
  // keys. A public body running the hub for its own mission is inside it; reselling the hub as a
  // federation service would not be.
  "@apollo/federation-internals": {
    declared: "Elastic-2.0",
    why: "source-available, runtime dependency of @apollo/subgraph; use allowed, managed-service resale forbidden",
  },
  // Browser usage tables (data, not code) read by browserslist, under @babel/core, under
  // graphql-tag-pluck in Hive Gateway's loaders. CC-BY-4.0 is a content licence: attribution only.
  "caniuse-lite": { declared: "CC-BY-4.0", why: "data tables under a content licence (attribution), not executed by the hub" },
  // The Système de Design de l'État, which the dashboard and the map use. Declares
  // "SEE LICENSE IN LICENSE.md": that file says MIT for the code, except the Marianne font, and
  // points to the SIG's terms of use (doc/legal/cgu.md): services of the State ("Entités
  // autorisées": central administrations, their deconcentrated services such as the ARS and
  // DREETS, operators of the State) use it as is for their sites, without altering its identity
  // elements; anyone else may use the code under MIT but not the Marque de l'État (Marianne
  // logo, font, "République française" block).
  "@gouvfr/dsfr": {
    declared: "SEE LICENSE IN LICENSE.md",
    why: "code under MIT; Marianne font and Marque de l'État reserved to services of the State (SIG terms of use)",
  },
  // Declares "BSD License" in words; its LICENSE file is the BSD 3-clause text.
  "ansi-color": { declared: "BSD License", why: "LICENSE file is BSD-3-Clause, declared in words only" },
  // Declares nothing; its LICENSE file is the MIT text.
  process: { declared: "", why: "LICENSE file is MIT, no licence field in package.json" },
};
