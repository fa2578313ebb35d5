/**
 * The date written into a PDF: SOURCE_DATE_EPOCH when set (the reproducible-builds convention),
 * else the document's own date from front matter. Never the clock, so builds are byte-identical.
 */
export function reproducibleDate(frontMatterDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(frontMatterDate + 'T00:00:00Z');
}
