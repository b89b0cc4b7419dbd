// Where the content is read from: `CONTENT_DIR`, which astro.config.ts resolves (to the committed
// content unless set, for the benchmark's corpus or the tests' fixtures) before anything else
// runs. The loader reads it; source pages read archived texts from it when they are rendered.
const configured = process.env['CONTENT_DIR'];
if (configured === undefined) {
  throw new Error('CONTENT_DIR is not set: astro.config.ts sets it before the site is built.');
}

export const contentDir: string = configured;
