/**
 * The supergraph file, re-read at each polling interval. Hive Gateway treats a supergraph given
 * as a file path as static (it disables polling for it); given as a function, it calls the
 * function when a request comes and the polling interval has passed since the last read (the
 * request itself is served by the current schema), and swaps the schema when the returned SDL
 * differs; operations in flight finish on the schema they started with (gracefulSchemaReload in
 * server.ts). So the gateway is given this function: a new composed supergraph written to the
 * file is served without a restart, and a file that is not a valid supergraph is refused (logged
 * once) while the last good one keeps serving. Publish a file in one step (write, then rename).
 */
import fs from "node:fs";
import { buildASTSchema, EnumTypeDefinitionNode, Kind, parse, validateSchema } from "graphql";
import { transformSupergraphToPublicSchema } from "@theguild/federation-composition";

export type SupergraphLog = (level: "info" | "error", msg: string, details: Record<string, unknown>) => void;

const jsonLog: SupergraphLog = (level, msg, details) =>
  (level === "error" ? console.error : console.log)(JSON.stringify({ level, service: "gateway", msg, ...details }));

/** Why an SDL cannot be served as a supergraph, or null when it can. */
export function supergraphProblem(sdl: string): string | null {
  try {
    const document = parse(sdl);
    const graphs = document.definitions.find(
      (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === "join__Graph",
    );
    if (!graphs?.values?.length) return "ce n'est pas un supergraphe de fédération (aucun sous-graphe dans join__Graph)";
    buildASTSchema(document);
    const api = buildASTSchema(transformSupergraphToPublicSchema(document));
    const errors = validateSchema(api);
    if (errors.length) return errors.map((e) => e.message).join(" ; ");
    if (!api.getQueryType()) return "le graphe public n'a pas de type Query";
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export function supergraphFromFile(file: string, log: SupergraphLog = jsonLog): () => Promise<string> {
  let served: string | null = null;
  let refused: string | null = null;
  const refuse = (content: string, reason: string): string => {
    if (served === null) throw new Error(`Supergraphe ${file} inutilisable : ${reason}`);
    if (content !== refused) log("error", "supergraph refused, the previous one keeps serving", { file, reason });
    refused = content;
    return served;
  };
  return async () => {
    let sdl: string;
    try {
      sdl = await fs.promises.readFile(file, "utf8");
    } catch (error) {
      return refuse("", `lecture impossible (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    if (sdl === served) {
      refused = null;
      return served;
    }
    const problem = supergraphProblem(sdl);
    if (problem) return refuse(sdl, problem);
    if (served !== null) log("info", "supergraph reloaded", { file });
    served = sdl;
    refused = null;
    return sdl;
  };
}
