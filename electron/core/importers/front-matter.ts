/**
 * The YAML front matter of a Markdown file (`---` … `---` at the very top), as static site
 * generators and note apps write it: title, author(s) and tags. Parsed by `yaml` with aliases
 * bounded (no billion laughs) and no custom tags; a block that is not valid YAML is still removed
 * from the text, and simply says nothing.
 */
import { parse } from 'yaml';
import { tagSchema } from '../../shared/validators';
import { cleanLine } from './imported-document';

export interface FrontMatter {
  title: string | null;
  author: string | null;
  tags: string[];
  /** the Markdown after the block */
  body: string;
}

const BLOCK = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const MAX_TAGS = 100;

function parseYaml(source: string): Record<string, unknown> {
  try {
    const value: unknown = parse(source, { maxAliasCount: 50, customTags: [], uniqueKeys: false });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const scalar = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? cleanLine(String(value)) : null;

/** `author: Ada`, `author: [Ada, Bob]`, `authors: - name: Ada` … */
function authorOf(fields: Record<string, unknown>): string | null {
  const value = fields.author ?? fields.authors ?? fields.byline;
  const names = (Array.isArray(value) ? value : [value]).map((entry) =>
    entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? scalar((entry as Record<string, unknown>).name) : scalar(entry),
  );
  const present = names.filter((name): name is string => name !== null);
  return present.length > 0 ? present.join(', ') : null;
}

/** `tags: [a, b]`, a YAML list, or `tags: a, b` (also `keywords`); each checked as any tag is. */
function tagsOf(fields: Record<string, unknown>): string[] {
  const value = fields.tags ?? fields.keywords;
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const tags = new Map<string, string>();
  for (const entry of raw) {
    const parsed = tagSchema.safeParse(scalar(entry) ?? '');
    if (parsed.success && !tags.has(parsed.data.toLowerCase())) tags.set(parsed.data.toLowerCase(), parsed.data);
  }
  return [...tags.values()].slice(0, MAX_TAGS);
}

export function splitFrontMatter(source: string): FrontMatter {
  const match = BLOCK.exec(source);
  if (!match) return { title: null, author: null, tags: [], body: source };
  const fields = parseYaml(match[1] ?? '');
  return { title: scalar(fields.title), author: authorOf(fields), tags: tagsOf(fields), body: source.slice(match[0].length) };
}
