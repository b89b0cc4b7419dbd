// One collection holds the whole published content set, loaded through the parser (see
// src/loaders/fact-digest-loader.ts for why it is one collection and not four).
import { defineCollection } from 'astro:content';
import { contentDir } from './content-dir.ts';
import { factDigestLoader } from './loaders/fact-digest-loader.ts';

export const collections = {
  contentSet: defineCollection({
    loader: factDigestLoader({
      contentDir,
    }),
  }),
};
