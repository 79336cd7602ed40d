const FORMATS = [/^\d{10}$/, /^\d{3} \d{3} \d{4}$/, /^\d{3}-\d{3}-\d{4}$/];

/**
 * Checks an NHS number with the modulus 11 algorithm: ten digits (written
 * plain, or as 3-3-4 with spaces or hyphens) whose tenth digit is the check
 * digit of the first nine (weights 10 down to 2; 11 minus the remainder, 11
 * meaning 0 and 10 meaning invalid). For apps that must check a number at
 * their own boundary: the library's referral records never hold one.
 * Never throws; anything that is not such a string is `false`.
 *
 * @example
 * ```ts
 * import { isValidNhsNumber } from 'social-prescribing';
 *
 * isValidNhsNumber('943 476 5919'); // true
 * isValidNhsNumber('9434765918'); // false: wrong check digit
 * isValidNhsNumber(9434765919); // false: not a string
 * ```
 */
export function isValidNhsNumber(value: unknown): boolean {
  if (typeof value !== 'string' || !FORMATS.some((f) => f.test(value))) return false;
  const digits = value.replace(/[ -]/g, '');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}
