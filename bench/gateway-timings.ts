/**
 * The profile scenario's gateway plugin (bench/profile.ts): the time of each phase Hive Gateway
 * runs for a request, from its hooks (envelop's onParse, onValidate, onExecute; the gateway's
 * onSubgraphExecute), added into the process totals of bench/process-timings.ts. `subgraphWallMs`
 * is the wall time during which at least one subgraph call was pending: what execution spends
 * outside it is planning, signing, merging and the plugins' own work.
 */
import { performance } from "node:perf_hooks";
import { addTiming } from "./process-timings";

const timed = (key: string) => {
  const started = performance.now();
  return () => addTiming(key, performance.now() - started);
};

export function gatewayTimingsPlugin() {
  let pending = 0;
  let wallStarted = 0;
  return {
    onParse: () => timed("parseMs"),
    onValidate: () => timed("validateMs"),
    onExecute: () => {
      const done = timed("executeMs");
      return { onExecuteDone: () => done() };
    },
    onSubgraphExecute: ({ subgraphName }: { subgraphName: string }) => {
      if (pending++ === 0) wallStarted = performance.now();
      const done = timed(`call.${subgraphName}.ms`);
      addTiming(`call.${subgraphName}.count`, 1);
      return () => {
        done();
        if (--pending === 0) addTiming("subgraphWallMs", performance.now() - wallStarted);
      };
    },
  };
}
