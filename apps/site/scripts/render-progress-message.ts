/**
 * The message render-progress.ts sends build-site.ts when Astro starts the pages of a route, in a
 * module of its own so that build-site.ts can read it without importing Astro's middleware API.
 */
export const routeStarted = 'fact-digest:route-started';

export interface RouteStarted {
  type: typeof routeStarted;
  /** Astro's route pattern, such as `/digests/[id]`. */
  route: string;
}

export function isRouteStarted(message: unknown): message is RouteStarted {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Partial<RouteStarted>).type === routeStarted &&
    typeof (message as Partial<RouteStarted>).route === 'string'
  );
}
