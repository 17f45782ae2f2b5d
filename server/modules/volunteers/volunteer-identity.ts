// The stored form of a resident ID number, shared by registration, staff entry and roster import so all three
// encrypt, hash and derive the same way: ciphertext, keyed hash (unique), masked copy, birth date and gender.
import { idCardInfo, idNumberProblem, maskIdNumber, normalizeIdNumber } from '../../../common/id-card';
import type { FieldCipher } from '../../platform/crypto';
import { fieldError } from '../../platform/errors';

export type StoredIdentity = { idCipher: string; idHash: string; idMasked: string; birthDate: string; gender: 'male' | 'female' };

/** The keyed hash alone, for look-ups (de-duplication) without encrypting. */
export function idNumberHash(cipher: FieldCipher, raw: string): string {
  return cipher.hash(`id:${normalizeIdNumber(raw)}`);
}

export function storedIdentity(cipher: FieldCipher, raw: string): StoredIdentity {
  const id = normalizeIdNumber(raw);
  return { idCipher: cipher.encrypt(id), idHash: idNumberHash(cipher, id), idMasked: maskIdNumber(id), ...idCardInfo(id) };
}

/** Validates and converts, or throws a 400 naming `field` with what is wrong. */
export function identityOrFieldError(cipher: FieldCipher, raw: string, now: Date, field = 'idNumber'): StoredIdentity {
  const problem = idNumberProblem(raw, now);
  if (problem) throw fieldError(field, problem);
  return storedIdentity(cipher, raw);
}
