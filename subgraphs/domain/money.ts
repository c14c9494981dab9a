/**
 * Amounts are stored and summed as integer cents: floats lose cents once sums grow.
 * The public schema speaks euros (Float, at most two decimals), as the contract says.
 */
export type Cents = number;

export class AmountError extends Error {}

/** Converts euros from the API into cents, refusing anything finer than a cent. */
export function eurosToCents(euros: number): Cents {
  if (!Number.isFinite(euros)) throw new AmountError("Le montant doit être un nombre.");
  const cents = Math.round(euros * 100);
  if (Math.abs(euros * 100 - cents) > 1e-6) {
    throw new AmountError("Le montant a au plus deux décimales (centimes d'euro).");
  }
  if (!Number.isSafeInteger(cents)) throw new AmountError("Le montant est trop grand.");
  return cents;
}

export function centsToEuros(cents: Cents): number {
  return cents / 100;
}

/** Parses a cents value read from the database (PostgreSQL returns bigint and SUM() as strings). */
export function toCents(value: string | number | bigint | null | undefined): Cents {
  if (value === null || value === undefined) return 0;
  const cents = Number(value);
  if (!Number.isSafeInteger(cents)) throw new AmountError(`Montant en centimes invalide : ${value}`);
  return cents;
}

/**
 * Exact sum, or an error: summed as BigInt so that no intermediate rounds, then refused when the
 * result (or an input) is not an integer a Float carries exactly (2^53 cents, 90 000 milliards d'euros).
 */
export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0n;
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new AmountError(`Montant en centimes invalide : ${value}`);
    total += BigInt(value);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER))
    throw new AmountError("Somme hors des limites d'un entier exact.");
  return Number(total);
}

/** TypeORM transformer: bigint cents column <-> number. */
export const centsColumn = {
  to: (value: Cents | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : toCents(value)),
};
