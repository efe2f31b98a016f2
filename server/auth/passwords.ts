import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { badRequest } from '../http/errors.ts';

/**
 * argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane): ~30 ms on one core, so a login
 * stays fast on a 2-core server while an offline guess stays expensive.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** ASVS 4.0 V2.1.1: at least 12 characters. */
const MIN_PASSWORD_LENGTH = 12;

/**
 * The ~49,000 most common passwords of zxcvbn-ts's common dictionary (@zxcvbn-ts/language-common,
 * MIT, compiled from leaked-password frequency lists), lower-cased: ASVS V2.1.7 asks that a new
 * password be checked against breached ones. Built once, on first use.
 */
let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((p) => String(p).toLowerCase()));
  const lower = password.normalize('NFKC').toLowerCase();
  // One character repeated ("aaaaaaaaaaaa") is as weak as any listed password.
  return commonPasswords.has(lower) || /^(.)\1*$/su.test(lower);
}
/** Bounds the hashing work one request can ask for. */
const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

/** A hash of nothing anyone knows, verified when the username does not exist so both cases take as long. */
let decoyHash: Promise<string> | undefined;

/** True when `password` matches `hash`; with no hash (unknown user) spends the same time and says false. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    decoyHash ??= hashPassword(`decoy-${Math.random()}`);
    await argon2.verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

/** The password a new account or a reset may set; throws a 400 naming the rule it breaks. */
export function parseNewPassword(input: unknown): string {
  if (typeof input !== 'string' || input.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(
      'WEAK_PASSWORD',
      `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  if (input.length > MAX_PASSWORD_LENGTH) {
    throw badRequest('PASSWORD_TOO_LONG', `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`, `The password may have at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (isCommonPassword(input)) {
    throw badRequest('COMMON_PASSWORD', '该密码过于常见，容易被猜中，请换一个', 'This password is too common and easy to guess; choose another');
  }
  return input;
}
