// The ingest entry point's exports: an accidental export shows up as a change here.
import { expect, it } from 'vitest';
import * as ingest from '@fact-digest/parser/ingest';

it('exports exactly the ingest API', () => {
  expect(Object.keys(ingest).sort()).toEqual([
    'IngestError',
    'UnsafePathError',
    'analyseArticle',
    'contentHashOf',
    'detectInputKind',
    'ingestFiles',
    'planIngest',
    'readArticles',
    'readContentDirectory',
    'titleFromLede',
    'writePlannedFiles',
  ]);
});
