/**
 * The verdict scale: the one fixed set of ratings every claim is given.
 *
 * `ratingValue` follows schema.org ClaimReview (https://schema.org/ClaimReview):
 * a number between `worstRating` and `bestRating`, or `null` where the verdict is
 * not a position on a true/false scale (the claim could not be rated yet).
 */
export interface Verdict {
  /** Stable id used in digests: `verdict=needs-context`. */
  id: VerdictId;
  /** Human label shown beside the claim. */
  label: string;
  /** One-line meaning, shown on the methodology page and in the editor's guide. */
  meaning: string;
  /** schema.org `ratingValue`, or `null` when the verdict is not a rating. */
  ratingValue: number | null;
}

export const verdictIds = [
  'accurate',
  'mostly-accurate',
  'needs-context',
  'inaccurate',
  'unsupported',
  'not-checkable',
  'pending',
] as const;

export type VerdictId = (typeof verdictIds)[number];

/** Bounds of the ClaimReview rating scale used by `ratingValue`. */
export const ratingScale = { bestRating: 5, worstRating: 1 } as const;

export const verdicts: readonly Verdict[] = [
  {
    id: 'accurate',
    label: 'Accurate',
    meaning: 'Independent evidence confirms the claim as stated.',
    ratingValue: 5,
  },
  {
    id: 'mostly-accurate',
    label: 'Mostly accurate',
    meaning: 'Confirmed in substance, with a minor detail wrong or imprecise.',
    ratingValue: 4,
  },
  {
    id: 'needs-context',
    label: 'Needs context',
    meaning: 'Literally true or plausible, but leaves out something that changes how it reads.',
    ratingValue: 3,
  },
  {
    id: 'inaccurate',
    label: 'Inaccurate',
    meaning: 'Contradicted by the evidence, or by the source itself.',
    ratingValue: 1,
  },
  {
    id: 'unsupported',
    label: 'Unsupported',
    meaning: 'Rests on a single party; no independent evidence confirms or refutes it yet.',
    ratingValue: null,
  },
  {
    id: 'not-checkable',
    label: 'Not checkable',
    meaning: 'An opinion, a hope or a forecast: nothing can confirm it until events happen.',
    ratingValue: null,
  },
  {
    id: 'pending',
    label: 'Pending',
    meaning: 'Not yet reviewed by an editor; published claims should not stay pending.',
    ratingValue: null,
  },
];

const byId = new Map<string, Verdict>(verdicts.map((verdict) => [verdict.id, verdict]));

export function isVerdictId(value: string): value is VerdictId {
  return byId.has(value);
}

/** The verdict with this id; throws for an id not on the scale (validate input with `isVerdictId`). */
export function getVerdict(id: VerdictId): Verdict {
  const verdict = byId.get(id);
  if (!verdict) throw new Error(`Unknown verdict id: ${id}`);
  return verdict;
}

/** A claim gets a ClaimReview only once an editor has reviewed it. */
export function isReviewed(id: VerdictId): boolean {
  return id !== 'pending';
}
