/**
 * ISO 4217 currencies a price may be set in (SPEC §3 properties.currency): the runtime's list, less units
 * of account that no guest pays in (special drawing rights, the SUCRE, the ADB unit).
 */
const unitsOfAccount = new Set(['XDR', 'XSU', 'XUA']);

const currencies: ReadonlySet<string> = new Set(
  Intl.supportedValuesOf('currency').filter((code) => !unitsOfAccount.has(code)),
);

export function isCurrencyCode(value: string): boolean {
  return currencies.has(value);
}
