import { signRequest } from "../router-signer/server";

export class SdlFetchError extends Error {}

const SERVICE_QUERY = "{ _service { sdl } }";

/**
 * Reads a running subgraph's SDL from its Federation `_service { sdl }` field. Our subgraphs answer
 * only requests signed the way Hive Gateway signs them: with `hmacSecret`, the request carries the
 * same HMAC signature (extensions["hmac-signature"]).
 */
export async function fetchSubgraphSdl(url: string, options: { hmacSecret?: string; timeoutMs?: number } = {}): Promise<string> {
  const body: Record<string, unknown> = { query: SERVICE_QUERY };
  if (options.hmacSecret) body.extensions = { "hmac-signature": signRequest(options.hmacSecret, { query: SERVICE_QUERY }) };
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new SdlFetchError(
      `Le sous-graphe ${url} ne répond pas (${String((error as { cause?: Error }).cause ?? (error as Error).message)}).`,
    );
  }
  if (response.status === 401) {
    throw new SdlFetchError(
      options.hmacSecret
        ? `Le sous-graphe ${url} refuse la signature (401) : HUB_HMAC_SECRET n'est pas le secret qu'il attend.`
        : `Le sous-graphe ${url} refuse les requêtes non signées (401) : donnez le secret de signature de la passerelle dans HUB_HMAC_SECRET.`,
    );
  }
  const text = await response.text();
  let payload: { data?: { _service?: { sdl?: unknown } }; errors?: { message: string }[] } | null;
  try {
    payload = JSON.parse(text) as typeof payload;
  } catch {
    throw new SdlFetchError(`Le sous-graphe ${url} a répondu ${response.status} sans JSON : ${text.slice(0, 200)}`);
  }
  const sdl = payload?.data?._service?.sdl;
  if (typeof sdl !== "string") {
    const reason = payload?.errors?.map((e) => e.message).join(" ; ") || `réponse ${response.status} sans _service.sdl`;
    throw new SdlFetchError(`Le sous-graphe ${url} ne donne pas son SDL de fédération (_service { sdl }) : ${reason}`);
  }
  return sdl;
}
