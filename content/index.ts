// The content package's only export: where the committed content lives, so the site and the
// editor tools agree on it without hard-coding relative paths.
import { fileURLToPath } from 'node:url';

/** Absolute path of the content directory (the folder holding digests/, entities/, sources/). */
export const contentDir: string = fileURLToPath(new URL('.', import.meta.url));
