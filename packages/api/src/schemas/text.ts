import { z } from 'zod';

/**
 * The one rule for text a client sends (SPEC §7): every free-text input goes through `text()`, so none
 * reaches Postgres with a character it refuses. Postgres `text` cannot hold U+0000 (22021), and a lone
 * UTF-16 surrogate has no UTF-8 form (`jsonb` refuses it: 22P02/22P05; `text` would store U+FFFD and the
 * reader would get other text back). The value is normalised to NFC first, so one spelling of "é" is
 * stored, searched and counted against `max` like the other; then trimmed unless the field says not to.
 */
export interface TextRule {
  /** The longest value accepted, in UTF-16 code units after normalising and trimming. */
  max: number;
  /** The shortest value accepted (after trimming); 0 unless told. */
  min?: number;
  /** Trim surrounding white space (default true). Passwords and opaque tokens keep theirs. */
  trim?: boolean;
  /** Normalise to NFC (default true). Secrets are compared as sent, so normalising them would change them. */
  normalize?: boolean;
}

const NUL = '\u0000';
const LONE_SURROGATE = /\p{Cs}/u;

/** The refinements every free-text input shares (text() and httpsUrl()). */
function wellFormedText(value: string, ctx: z.RefinementCtx): void {
  if (value.includes(NUL))
    ctx.addIssue({ code: 'custom', message: 'text may not contain the NUL character' });
  if (LONE_SURROGATE.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'text must be well-formed Unicode (a lone surrogate is not)' });
  }
}

export function text({ max, min = 0, trim = true, normalize = true }: TextRule) {
  let schema = z.string();
  // The length cap comes first too, so a megabyte of input is refused before it is normalised or scanned.
  schema = schema.max(max * 4, { abort: true });
  if (normalize) schema = schema.normalize('NFC');
  if (trim) schema = schema.trim();
  if (min > 0) schema = schema.min(min);
  schema = schema.max(max);
  return schema.check(z.superRefine(wellFormedText));
}

/** An https URL a client gives (photos, avatars): well-formed text, at most `max` long, https only. */
export function httpsUrl(max: number) {
  return z
    .url({ protocol: /^https$/, message: 'use an https URL' })
    .max(max)
    .check(z.superRefine(wellFormedText));
}
