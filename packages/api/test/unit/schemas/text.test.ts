import { describe, expect, it } from 'vitest';
import { httpsUrl, text } from '../../../src/schemas/text.ts';

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('the string rule', () => {
  const field = text({ min: 1, max: 10 });

  it('trims and normalises to NFC before it counts', () => {
    expect(field.parse('  café  ')).toBe('café');
    expect(field.parse('cafe\u0301')).toBe('caf\u00e9');
    expect(field.parse('e\u0301'.repeat(10))).toBe('\u00e9'.repeat(10));
  });

  it('refuses the NUL character anywhere', () => {
    for (const value of ['\u0000', 'a\u0000', '\u0000b', 'a\u0000b']) {
      expect(messagesOf(field.safeParse(value))).toContain('text may not contain the NUL character');
    }
  });

  it('refuses a lone surrogate, high or low, but takes a pair', () => {
    for (const value of ['\uD800', 'a\uDC00b', '\uDBFF']) {
      expect(messagesOf(field.safeParse(value))).toContain(
        'text must be well-formed Unicode (a lone surrogate is not)',
      );
    }
    expect(field.parse('😀')).toBe('😀');
  });

  it('bounds the length after trimming, and refuses a huge value before working on it', () => {
    expect(field.safeParse('   ').success).toBe(false);
    expect(field.safeParse('a'.repeat(11)).success).toBe(false);
    expect(field.parse(`  ${'a'.repeat(10)}  `)).toBe('a'.repeat(10));
    const huge = field.safeParse('a'.repeat(1_000_000));
    expect(huge.error?.issues).toHaveLength(1);
  });

  it('keeps secrets as sent when told not to trim or normalise', () => {
    const secret = text({ min: 1, max: 20, trim: false, normalize: false });
    expect(secret.parse(' pass cafe\u0301 ')).toBe(' pass cafe\u0301 ');
    expect(secret.safeParse('pa\u0000ss').success).toBe(false);
  });
});

describe('https URLs', () => {
  const url = httpsUrl(100);

  it('takes an https URL and refuses other schemes, NUL and overlong ones', () => {
    expect(url.parse('https://img.example/a.jpg')).toBe('https://img.example/a.jpg');
    expect(url.safeParse('http://img.example/a.jpg').success).toBe(false);
    expect(url.safeParse('https://img.example/\u0000.jpg').success).toBe(false);
    expect(url.safeParse(`https://img.example/${'a'.repeat(100)}`).success).toBe(false);
  });
});
