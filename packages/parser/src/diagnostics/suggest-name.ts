/**
 * The known name closest to a misspelt one (`eventdate` → `eventDate`), or undefined when none is
 * close enough to be a plausible typo. Distance is Levenshtein over lower-cased names.
 */
export function suggestName(written: string, known: readonly string[]): string | undefined {
  const target = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** "did you mean `x`?" when there is a close name, else the list of allowed names. */
export function suggestionText(written: string, known: readonly string[]): string {
  const suggestion = suggestName(written, known);
  return suggestion === undefined
    ? `use one of ${known.map((name) => `\`${name}\``).join(', ')}`
    : `did you mean \`${suggestion}\`?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
