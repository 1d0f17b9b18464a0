import { ValidationError } from '../errors.ts';
import { passwordProblem, passwordProblemMessages } from './auth.rules.ts';
import { commonPasswords } from './common-passwords.ts';

/**
 * Refuses a new password that is too short, too long or common (SPEC §7) with WEAK_PASSWORD on `field`.
 * Common passwords match case-insensitively: 'PassWord1' is as guessable as 'password1'.
 */
export async function assertAcceptablePassword(password: string, field: string): Promise<void> {
  const common = await commonPasswords();
  const problem = passwordProblem(password, (candidate) => common.has(candidate.toLowerCase()));
  if (problem) throw new ValidationError(passwordProblemMessages[problem], [field], 'WEAK_PASSWORD');
}
