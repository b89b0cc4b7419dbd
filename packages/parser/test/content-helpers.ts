// Small builders for in-memory content used by the rendering and graph tests.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContentFile } from '../src/index.ts';

const shared = fileURLToPath(new URL('fixtures/_shared', import.meta.url));

/** The shared entities (volodymyr-zelensky, ukraine) and archived source. */
export function sharedFiles(): ContentFile[] {
  return ['entities', 'sources'].flatMap((folder) =>
    readdirSync(`${shared}/${folder}`).map((name) => ({
      path: `${folder}/${name}`,
      value: readFileSync(`${shared}/${folder}/${name}`, 'utf8'),
    })),
  );
}

export interface DigestSpec {
  id: string;
  eventDate?: string;
  status?: 'draft' | 'published';
  body: string;
}

/** A valid digest frontmatter block citing the shared archived source as `kyiv`. */
export function digestFrontmatter(fields: {
  title: string;
  eventDate?: string;
  status?: 'draft' | 'published';
}): string {
  return `---
title: ${fields.title}
eventDate: ${fields.eventDate ?? '2025-06-14'}
published: 2025-06-15
conclusion: A conclusion.
status: ${fields.status ?? 'published'}
sources:
  - id: kyiv
    title: Ukraine brings home more POWs
    publisher: The Kyiv Independent
    published: 2025-06-14
    archived: ../sources/kyiv-independent-2025-06-14.md
---
`;
}

export function digestFile(spec: DigestSpec): ContentFile {
  const { eventDate, status } = spec;
  return {
    path: `digests/${spec.id}.md`,
    value: `${digestFrontmatter({
      title: `Digest ${spec.id}`,
      ...(eventDate === undefined ? {} : { eventDate }),
      ...(status === undefined ? {} : { status }),
    })}${spec.body}
`,
  };
}

export function claimBlock(id: string, verdict: string, extra = '', assessment = ''): string {
  return `:::claim{#${id} claimant=volodymyr-zelensky source=kyiv date=2025-06-14 verdict=${verdict}${extra}}
> marking the fourth prisoner exchange in a week

${assessment}
:::`;
}
