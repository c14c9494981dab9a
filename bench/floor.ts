/**
 * The floor of a query: the subgraph requests its plan makes, sent directly to the subgraphs with
 * the same dependencies (a request waits for the one it needs, parallel branches run in parallel).
 * A call depends on the latest call that had ended when it started: that is how the gateway
 * pipelines its plan, so the floor keeps the plan's parallelism and never adds a barrier.
 */
import { RecordedCall } from "./recorder";
import { postJson } from "./http";

export interface FloorCall {
  url: string;
  body: string;
  parent: number;
}
export type FloorPlan = FloorCall[];

export function floorPlan(calls: RecordedCall[], subgraphUrls: Record<string, string>): FloorPlan {
  return calls.map((call, i) => {
    let parent = -1;
    for (let j = 0; j < i; j++) if (calls[j].end <= call.start && (parent < 0 || calls[j].end > calls[parent].end)) parent = j;
    return { url: subgraphUrls[call.subgraph], body: call.body, parent };
  });
}

export async function replay(plan: FloorPlan): Promise<void> {
  const done: Promise<void>[] = [];
  for (const call of plan) {
    done.push(
      (call.parent < 0 ? Promise.resolve() : done[call.parent]).then(async () => {
        const reply = await postJson(call.url, call.body);
        if (reply.status !== 200 || reply.text.includes('"errors"'))
          throw new Error(`plancher : ${call.url} a répondu ${reply.status} ${reply.text.slice(0, 200)}`);
      }),
    );
  }
  await Promise.all(done);
}
