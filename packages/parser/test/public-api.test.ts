import { expect, test } from 'vitest';
import * as parser from '../src/index.ts';

test('the public API exports exactly these names', () => {
  expect(Object.keys(parser).sort()).toEqual([
    'archivedSourceFrontmatterSchema',
    'archivedSourceText',
    'buildContentGraph',
    'calendarDate',
    'contentHash',
    'correctionSchema',
    'createEntityRegistry',
    'digestFrontmatterSchema',
    'digestStatuses',
    'entitiesOfDigest',
    'entityFrontmatterSchema',
    'entityKinds',
    'formatDiagnostic',
    'formatDiagnostics',
    'getVerdict',
    'hasErrors',
    'idPattern',
    'isReviewed',
    'isVerdictId',
    'linkContent',
    'loadContent',
    'parseContentFile',
    'processContent',
    'ratingScale',
    'readContentFiles',
    'rules',
    'sourceReferenceSchema',
    'timestamp',
    'verdictIds',
    'verdicts',
    'webUrl',
  ]);
});
