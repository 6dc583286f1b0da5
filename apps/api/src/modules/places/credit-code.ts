const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Completes 17 characters with their GB 32100 check character (for demo data and tests, not for input). */
export function withCreditCheck(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17))
    throw new Error(`not 17 credit-code characters: ${first17}`);
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(first17[i]!), 0);
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31]!;
}
