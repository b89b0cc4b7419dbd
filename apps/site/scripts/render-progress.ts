/**
 * Middleware that scripts/astro-build-step.ts adds to `astro build`: it tells build-site.ts,
 * over the step's IPC channel, each time Astro starts rendering the pages of another route.
 * Astro renders route after route (eight pages at a time), so once a page of the next route
 * starts, the pages of the route before it are written or within a few pages of it; build-site.ts
 * starts the search index of the digest pages then, while Astro renders the rest of the site.
 * Pages Astro keeps from the previous build are not rendered and pass no middleware.
 *
 * Without an IPC channel (`astro build` run on its own, `astro dev`) it does nothing.
 */
import { defineMiddleware } from 'astro/middleware';
import { routeStarted, type RouteStarted } from './render-progress-message.ts';

let currentRoute: string | undefined;

export const onRequest = defineMiddleware((context, next) => {
  if (context.routePattern !== currentRoute && process.send !== undefined && process.connected) {
    currentRoute = context.routePattern;
    const message: RouteStarted = { type: routeStarted, route: currentRoute };
    // A message lost to a closing channel only means the search index starts after Astro.
    process.send(message, () => undefined);
  }
  return next();
});
