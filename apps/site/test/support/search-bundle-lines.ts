/**
 * The build log's `Search bundle …` lines. A bundle the build made says `built`, or `built while
 * Astro rendered` when build-site.ts got to it before Astro finished (which depends on how long
 * the pages after the digest pages take to render, so on the machine's load): both are read as
 * `built`, so that tests check which bundles were built, reused or moved, not when.
 */
export function searchBundleLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('Search bundle '))
    .map((line) => line.replace(': built while Astro rendered (', ': built ('));
}
