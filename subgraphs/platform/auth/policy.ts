import { GraphQLError } from "graphql";
import { Actor } from "./organisation";

/** Access decisions of the subgraphs: the gateway only forwards verified identities. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor)
    throw new GraphQLError("Authentification requise : présentez un jeton (Authorization: Bearer …).", {
      extensions: { code: "UNAUTHENTICATED" },
    });
  return actor;
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

/** `ars:<region>` (or `dreets:<region>`) of exactly this region. */
export function requireRegionalBody(actor: Actor | null, body: "ars" | "dreets", region: string): Actor {
  const a = requireActor(actor);
  if (a.organisation.kind !== body || a.organisation.region !== region) {
    throw forbidden(`Seule l'organisation ${body}:${region} peut écrire ces données (jeton : ${a.organisation.id}).`);
  }
  return a;
}

export function requireNational(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.organisation.kind !== "national")
    throw forbidden(`Réservé au niveau national (comité de labellisation) ; jeton : ${a.organisation.id}.`);
  return a;
}
