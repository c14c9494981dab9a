/**
 * SIRET: 14 digits. The last digit is a Luhn check digit, except for La Poste's establishments
 * (SIREN 356000000), too many to fit the Luhn scheme: INSEE checks that the sum of their digits
 * is a multiple of 5.
 */
export const LA_POSTE_SIREN = "356000000";

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const digitSum = siret.split("").reduce((sum, c) => sum + Number(c), 0);
    return digitSum % 5 === 0;
  }
  return luhnValid(siret);
}

/** Completes 13 digits with the Luhn check digit (used to build demo SIRETs). */
export function withLuhnCheckDigit(first13: string): string {
  for (let d = 0; d <= 9; d++) {
    if (luhnValid(`${first13}${d}`)) return `${first13}${d}`;
  }
  throw new Error("unreachable: one check digit always fits");
}
