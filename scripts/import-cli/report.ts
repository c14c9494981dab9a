/** What the operator sees of an import: the progress on a terminal, the report, and what the gateway's cache does next. */
import { SingleBar } from "cli-progress";
import { ImportProgress } from "../../subgraphs/platform/import/run";
import { WriteChanges } from "../../subgraphs/platform/cache/write-changes";
import { DEFAULT_TTL_MS, invalidateSharedCache, SharedCacheSettings, ttlText } from "../../gateway/response-cache";

export interface ImportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}
export const processIo: ImportIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: "isTTY" in process.stdout && process.stdout.isTTY,
}; // absent when piped, whatever its type says

/** What the gateway's public answers do after an import (gateway/response-cache.ts), with the default lifetime of each setting. */
const CACHE_OUTCOME = {
  invalidated: "Cache des réponses de la passerelle invalidé : les tableaux de bord montrent ces lignes dès maintenant.",
  "not-shared": `Les tableaux de bord montreront ces lignes dès l'expiration du cache des réponses de la passerelle (${ttlText(DEFAULT_TTL_MS.inProcess)} par défaut, ${ttlText(DEFAULT_TTL_MS.shared)} si la passerelle utilise Redis ; immédiatement si RESPONSE_CACHE_REDIS_URL désigne ce Redis).`,
  unreachable: `Redis du cache des réponses injoignable (RESPONSE_CACHE_REDIS_URL) : les tableaux de bord montreront ces lignes dès l'expiration du cache (${ttlText(DEFAULT_TTL_MS.shared)} par défaut avec Redis).`,
} as const;

/**
 * The report on stdout when the file is accepted, on stderr when refused; once accepted, the
 * gateway's cached answers that `changes` touch are invalidated and the operator told the outcome.
 */
export async function printReport(
  io: ImportIo,
  report: { accepted: boolean; text: string; changes: WriteChanges | null },
  sharedCache: SharedCacheSettings,
): Promise<void> {
  (report.accepted ? io.stdout : io.stderr)(report.text);
  if (report.accepted) io.stdout(`${CACHE_OUTCOME[await invalidateSharedCache(report.changes, sharedCache)]}\n`);
}

/** A progress bar on a terminal (large files), nothing otherwise. */
export function progressBar(io: ImportIo): { onProgress: ImportProgress; stop(): void } {
  if (!io.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: "{phase} [{bar}] {value}/{total} lignes", hideCursor: true, clearOnComplete: true });
  let phase: string | null = null;
  return {
    onProgress(next, done, total) {
      if (phase === null) bar.start(total, 0, { phase: next });
      else if (phase !== next) bar.setTotal(total);
      phase = next;
      bar.update(done, { phase: next });
    },
    stop: () => {
      if (phase !== null) bar.stop();
      phase = null;
    },
  };
}
