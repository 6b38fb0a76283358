/** Locale-aware numbers for the catalogs: "1,200" in English, "1 200" in Russian and Kazakh. */
export function numberFormatter(locale: string, units: { kb: string; mb: string }) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const upToOne = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    n: (value: number) => integer.format(value),
    s: (seconds: number) => oneDecimal.format(seconds),
    /** "2 MB", "512 KB", "1.5 MB": upload limits are usually round numbers of one or the other. */
    size: (bytes: number) =>
      bytes >= 1024 * 1024 ? `${upToOne.format(bytes / 1024 / 1024)} ${units.mb}` : `${upToOne.format(bytes / 1024)} ${units.kb}`,
  };
}

export const percent = (done: number, total: number): number => (total > 0 ? Math.floor((done / total) * 100) : 0);

/** Russian plural forms: 1 документ, 2 документа, 5 документов. */
export function ruPlural(count: number, one: string, few: string, many: string): string {
  const rule = new Intl.PluralRules('ru').select(count);
  return rule === 'one' ? one : rule === 'few' ? few : many;
}

export function uptime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}
