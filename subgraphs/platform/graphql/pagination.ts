import { Directive, Field, ObjectType } from "type-graphql";

@Directive("@shareable")
@ObjectType({ description: "Informations de pagination (connexion de type Relay)." })
export class PageInfo {
  @Field({ description: "Vrai s'il reste des éléments après cette page." }) hasNextPage: boolean;
  @Field({ description: "Vrai s'il existe des éléments avant cette page." }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: "Curseur du premier élément de la page." }) startCursor: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Curseur du dernier élément de la page : à passer en `after` pour la page suivante.",
  })
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 500;

/** Opaque cursors over integer ids (keyset pagination: stable while rows are added). */
export const encodeCursor = (id: number): string => Buffer.from(`id:${id}`).toString("base64url");

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^id:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw new Error("Curseur de pagination invalide.");
  return Number(match[1]);
}
