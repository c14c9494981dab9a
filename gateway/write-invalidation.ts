import { DocumentNode, getOperationAST, Kind, OperationTypeNode } from "graphql";
import { mergeWriteChanges, WRITE_CHANGES_EXTENSION, WriteChanges } from "../subgraphs/platform/cache/write-changes";
import { parseWriteChanges, writeScopes } from "./cache-scopes";

type Result = {
  data?: Record<string, unknown> | null;
  errors?: readonly { extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
};

/** Refusals made before anything is written: by the subgraphs' rules and access checks, or by the gateway's limit. */
const REFUSED_BEFORE_WRITING = new Set(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "RATE_LIMITED"]);

/**
 * A write may have changed data unless it was refused as a whole: no mutation field answered and
 * every error is a refusal (anonymous, another organisation, a broken rule, the write limit).
 * An error of unknown outcome (a timeout, an internal error) still invalidates: it may have been
 * applied.
 */
export function mayHaveWritten(result: unknown): boolean {
  if (!result || typeof result !== "object" || Symbol.asyncIterator in result) return true;
  const { data, errors } = result as Result;
  if (Object.values(data ?? {}).some((value) => value != null)) return true;
  return !(errors?.length && errors.every((error) => REFUSED_BEFORE_WRITING.has(String(error.extensions?.code))));
}

const isMutation = (document: DocumentNode, operationName?: string | null) =>
  getOperationAST(document, operationName ?? undefined)?.operation === OperationTypeNode.MUTATION;

/**
 * What a client's mutation changed, told by the subgraphs that ran it: each subgraph mutation call
 * answers with `extensions.hubCacheChanges` (subgraphs/platform/cache/write-changes.ts), read here off
 * the subgraph's result. A call that may have written and reports nothing (a partner's subgraph
 * that does not know the protocol, a timeout) makes the whole write unscoped. The scopes are
 * stamped before the client gets its answer: an acknowledged write is never followed by an older
 * answer, from any replica.
 */
export function writeInvalidationPlugin(stamp: (scopes: string[]) => Promise<void> | void) {
  // per client mutation (its context): one entry per subgraph mutation call, null when unreported
  const reportsOf = new WeakMap<object, (WriteChanges | null)[]>();
  return {
    onExecute({ args }: { args: { document: DocumentNode; operationName?: string | null; contextValue: object } }) {
      if (!isMutation(args.document, args.operationName)) return undefined;
      const reports: (WriteChanges | null)[] = [];
      reportsOf.set(args.contextValue, reports);
      return {
        onExecuteDone: ({ result, setResult }: { result: unknown; setResult: (result: unknown) => void }) => {
          const extensions = (result as Result | null)?.extensions;
          // the protocol is between the subgraphs and the gateway: clients do not see it
          if (extensions && WRITE_CHANGES_EXTENSION in extensions) {
            const { [WRITE_CHANGES_EXTENSION]: _internal, ...rest } = extensions;
            setResult({ ...(result as Result), extensions: Object.keys(rest).length ? rest : undefined });
          }
          if (!mayHaveWritten(result)) return undefined;
          const reported = reports.length > 0 && reports.every((report) => report !== null);
          return stamp(writeScopes(reported ? mergeWriteChanges(reports) : null));
        },
      };
    },
    onSubgraphExecute({ executionRequest }: { executionRequest: { document: DocumentNode; context?: object } }) {
      const reports = executionRequest.context && reportsOf.get(executionRequest.context);
      // (the subgraph document holds one operation; its name may differ from the client's)
      if (
        !reports ||
        !executionRequest.document.definitions.some(
          (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.MUTATION,
        )
      )
        return undefined;
      return ({ result }: { result: unknown }) => {
        const report = parseWriteChanges((result as Result | null)?.extensions?.[WRITE_CHANGES_EXTENSION]);
        if (report) reports.push(report);
        else if (mayHaveWritten(result)) reports.push(null);
      };
    },
  };
}
