/**
 * The exports read the graph as any partner does: GraphQL over HTTP to the gateway's public
 * endpoint, never the funders' databases.
 */
export class ExportError extends Error {
  constructor(
    message: string,
    readonly status = 502,
  ) {
    super(message);
  }
}

export type GraphqlClient = <T>(document: string, variables: Record<string, unknown>, operationName: string) => Promise<T>;

export function gatewayClient(graphqlUrl: string): GraphqlClient {
  return async <T>(document: string, variables: Record<string, unknown>, operationName: string) => {
    let response: Response;
    try {
      response = await fetch(graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query: document, variables, operationName }),
      });
    } catch (error) {
      throw new ExportError(
        `La passerelle ${graphqlUrl} ne répond pas (${error instanceof Error ? error.message : String(error)}). Le hub est-il démarré (npm start) ?`,
      );
    }
    const body = (await response.json().catch(() => null)) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    } | null;
    if (!body) throw new ExportError(`La passerelle a répondu ${response.status} sans JSON.`);
    // a filter the graph refuses is the request's fault (400); anything else, a funder down, is the graph's (502)
    const refused = body.errors?.length && body.errors.every((e) => e.extensions?.code === "BAD_USER_INPUT");
    if (body.errors?.length)
      throw new ExportError(`Le graphe a refusé ${operationName} : ${body.errors.map((e) => e.message).join(" ; ")}`, refused ? 400 : 502);
    if (!body.data) throw new ExportError(`La passerelle a répondu ${response.status} sans données.`);
    return body.data;
  };
}
