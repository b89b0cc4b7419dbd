/**
 * Dates as readers see them. Written out by hand rather than with Intl so the output does not
 * depend on the ICU data or time zone of the machine that builds the site.
 */
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2025-06-14` or `2025-06-14T18:00:00Z` → `14 June 2025` (the calendar day as written). */
export function formatDate(value: string): string {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const monthName = months[(month ?? 1) - 1] ?? '';
  return `${day} ${monthName} ${year}`;
}

/** `2025-06` → `June 2025`. */
export function formatMonth(value: string): string {
  const [year, month] = value.split('-').map(Number);
  return `${months[(month ?? 1) - 1] ?? ''} ${year}`;
}

/** Milliseconds since the epoch; a bare date counts as midnight UTC. */
export function toInstant(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}
