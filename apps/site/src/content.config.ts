// One collection holds the whole published content set, loaded through the parser (see
// src/loaders/fact-digest-loader.ts for why it is one collection and not four).
import { defineCollection } from 'astro:content';
import path from 'node:path';
import { contentDir as committedContentDir } from '@fact-digest/content';
import { factDigestLoader } from './loaders/fact-digest-loader.ts';

export const collections = {
  contentSet: defineCollection({
    loader: factDigestLoader({
      contentDir: path.resolve(process.env['CONTENT_DIR'] ?? committedContentDir),
    }),
  }),
};
