// Static site for the fact-check digests. Content comes from the parser through the loader in
// src/loaders/; where it is read from and where the site lives are set by the environment.
import { defineConfig } from 'astro/config';
import path from 'node:path';
import { contentDir as committedContentDir } from '@fact-digest/content';
import { siteFeed } from './src/integrations/site-feed.ts';
import { siteUrl } from './src/site-settings.ts';

// Resolve the content directory once, here, where `@fact-digest/content` runs from its own file:
// pages that read it while rendering run from bundled chunks, where that module's URL would point
// into the build output. The loader and the pages then read the same absolute path.
process.env['CONTENT_DIR'] = path.resolve(process.env['CONTENT_DIR'] ?? committedContentDir);

export default defineConfig({
  site: siteUrl,
  output: 'static',
  // Two routes that make the same page fail the build: by default Astro warns and renders only
  // one of them, so a page would be missing from the site with nothing but a log line to say so.
  prerenderConflictBehavior: 'error',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages render eight at a time: rendering waits on files (each digest's stored HTML, each
    // source's archived text, the page written out and its incremental-cache copy), and other
    // pages render meanwhile. Measured at 2k digests on two cores: rendering 19.0 s with one at
    // a time, 14.2 s with 2, 12.0 s with 8, 11.5 s with 16; the same bytes, about the same memory.
    concurrency: 8,
  },
  // The site feed and the sitemap are written after `astro build` by scripts/build-site.ts (see
  // scripts/write-site-feed.ts and scripts/write-sitemap.ts); the integration serves the feed in
  // `astro dev`.
  integrations: [siteFeed()],
  // Digests are rendered by our parser, not Astro's Markdown pipeline; no code highlighting (Shiki
  // would also need inline styles, which the CSP below forbids).
  markdown: { syntaxHighlight: false },
  // Pages from getStaticPaths() carry a cacheKey that covers everything they show (see
  // src/lib/page-cache-key.ts); a rebuild copies a page from the previous build when its key and
  // its code are unchanged. `astro build --force` (scripts/build-site.ts --force) renders all.
  experimental: { incrementalBuild: true },
  security: {
    csp: {
      algorithm: 'SHA-256',
      // Pagefind compiles its search index reader from WebAssembly, which CSP treats as eval:
      // 'wasm-unsafe-eval' allows that and nothing else (no string eval, no inline handlers).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
