/**
 * Reading a built site: its pages as HTML trees, and site URLs mapped back to files in dist.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { listFiles, readText, testSiteUrl } from './site-build.ts';

export interface BuiltPage {
  /** File path inside dist, such as `digests/x/index.html`. */
  file: string;
  /** The page's site path, such as `/digests/x/`. */
  pathname: string;
  html: string;
  tree: Root;
}

export function pathnameOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

export async function builtPages(distDir: string): Promise<BuiltPage[]> {
  const files = (await listFiles(distDir)).filter((file) => file.endsWith('.html'));
  return Promise.all(
    files.map(async (file) => {
      const html = await readText(distDir, file);
      return { file, pathname: pathnameOf(file), html, tree: fromHtml(html) };
    }),
  );
}

/**
 * The dist file a site URL is served from (`/x/` → `x/index.html`), or undefined for URLs that
 * leave the site.
 */
export function fileForUrl(url: URL): string | undefined {
  if (url.origin !== new URL(testSiteUrl).origin) return undefined;
  const pathname = decodeURIComponent(url.pathname);
  return pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
}

export function fileExists(distDir: string, file: string): boolean {
  return existsSync(path.join(distDir, file));
}

/** Every `id` in a page. */
export function idsOf(page: BuiltPage): Set<string> {
  return new Set(selectAll('[id]', page.tree).map((element) => String(element.properties['id'])));
}

/** The text content of an element, as a reader would see it (whitespace as written). */
export function textOf(node: Element | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
