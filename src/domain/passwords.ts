/**
 * Customer passwords: kept only as salted scrypt hashes, compared in constant time. The cost is
 * a setting so that test suites stay fast; the hash records its own cost.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameter N (a power of two). 16384 is production-like; 16 is fine for tests. */
export type PasswordCost = number;

const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      KEY_LENGTH,
      { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** Hashes a password as `scrypt$N$salt$hash` (base64 parts). */
export async function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, cost);
  return `scrypt$${cost}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when the password matches the stored hash; a null hash (generated password) never matches. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [kind, n, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The platform's password rule, as its control panel states it: at least 7 characters with both
 * letters and digits. Returns the reason it fails, or null when it passes.
 */
export function passwordProblem(password: string): string | null {
  if (password.length < 7 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return 'Passwords must be at least 7 characters and contain both alphabetic and numeric characters.';
  }
  return null;
}
