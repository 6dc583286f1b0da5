export const PASSWORD_MIN_LENGTH = 10;

/** At least 10 characters and three of four classes: lower case, upper case, digits, symbols. */
export function passwordPolicyError(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > 128) return 'must be at most 128 characters';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'must contain at least 3 of: lower case, upper case, digits, symbols';
  return null;
}
