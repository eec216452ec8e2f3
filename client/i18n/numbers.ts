// Numbers and plural forms by the language's own rules (Arabic has six plural forms,
// Polish four, Japanese one), the number written the way that language writes it.
// The tables hold only words (forms with `#` for the number); pages call these, so a
// language's file imports nothing and stays one lazily fetched file.
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function formatNumber(locale: string, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function plural(locale: string, n: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
  return form.replace("#", formatNumber(locale, n));
}
