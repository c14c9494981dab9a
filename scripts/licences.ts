/**
 * npm run licences: the licence of every production dependency, read from a CycloneDX bill of
 * materials made by @cyclonedx/cyclonedx-npm; fails on any that is not OSI-approved open source and
 * is not an explicit exception (scripts/licences/exceptions.ts).
 * npm run sbom: the same check, and the bill of materials kept in sbom.cdx.json (the image ships it).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkLicences, type BomComponent } from "./licences/check";
import { LICENCE_EXCEPTIONS } from "./licences/exceptions";

const root = path.resolve(__dirname, "..", "..");
const keepAt = process.argv[2] === "--sbom" ? path.resolve(process.argv[3] ?? "sbom.cdx.json") : undefined;
const bomFile = keepAt ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hub-bom-")), "bom.json");

execFileSync(
  process.execPath,
  [
    // the package exports only its library; its CLI sits beside it
    path.join(path.dirname(require.resolve("@cyclonedx/cyclonedx-npm")), "bin", "cyclonedx-npm-cli.js"),
    "--omit",
    "dev",
    "--output-reproducible",
    "--output-format",
    "JSON",
    "--output-file",
    bomFile,
    path.join(root, "package.json"),
  ],
  { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
);

const bom = JSON.parse(fs.readFileSync(bomFile, "utf8")) as { components?: BomComponent[] };
const lines = checkLicences(bom.components ?? [], LICENCE_EXCEPTIONS);
const count = (verdict: string) => lines.filter((l) => l.verdict === verdict).length;

const byLicence = new Map<string, number>();
for (const l of lines.filter((l) => l.verdict === "open-source")) byLicence.set(l.declared, (byLicence.get(l.declared) ?? 0) + 1);
console.log(`Licences des ${lines.length} dépendances de production :`);
for (const [licence, n] of [...byLicence].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${licence}`);
for (const l of lines.filter((l) => l.verdict === "exception"))
  console.log(`  exception  ${l.pkg}@${l.version} (${l.declared || "aucune licence déclarée"}) : ${l.why}`);
if (keepAt) console.log(`Nomenclature CycloneDX : ${path.relative(process.cwd(), keepAt)}`);

const refused = lines.filter((l) => l.verdict === "refused");
if (refused.length) {
  console.error(`\n${refused.length} dépendance(s) de production sans licence open source approuvée par l'OSI ni exception motivée :`);
  for (const l of refused) console.error(`  ${l.pkg}@${l.version} : ${l.declared || "aucune licence déclarée"}`);
  console.error("Remplacez-la, ou ajoutez une exception commentée dans scripts/licences/exceptions.ts.");
  process.exit(1);
}
console.log(`${count("open-source")} open source, ${count("exception")} exception(s) motivée(s), 0 refusée.`);
