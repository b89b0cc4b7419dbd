// Where the content is read from: the committed content, or `CONTENT_DIR` (the benchmark's
// generated corpus, the tests' fixtures). The loader reads it; source pages read archived texts
// from it when they are rendered.
import path from 'node:path';
import { contentDir as committedContentDir } from '@fact-digest/content';

export const contentDir = path.resolve(process.env['CONTENT_DIR'] ?? committedContentDir);
