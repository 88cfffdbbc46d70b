// docs/performance.md is written by two benchmarks (bench/run.mjs for issue 2's detection
// targets, bench/suite.mjs for issue 5's overhead targets); each owns one marked section.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export const PERFORMANCE_DOC = resolve(import.meta.dirname, '../docs/performance.md');
const ORDER = ['detection', 'overhead'];

/** Replaces (or adds) the section `name` of docs/performance.md with `markdown`. */
export async function writeSection(name, markdown) {
  const existing = await readFile(PERFORMANCE_DOC, 'utf8').catch(() => '');
  const sections = new Map();
  for (const other of ORDER) {
    const match = existing.match(
      new RegExp(`<!-- ${other}:start -->\\n([\\s\\S]*?)<!-- ${other}:end -->`),
    );
    if (match) sections.set(other, match[1]);
  }
  sections.set(name, `${markdown.trim()}\n`);
  const body = ORDER.filter((n) => sections.has(n))
    .map((n) => `<!-- ${n}:start -->\n${sections.get(n)}<!-- ${n}:end -->`)
    .join('\n\n');
  await writeFile(
    PERFORMANCE_DOC,
    `# Performance\n\nWritten by \`npm run bench\`; each section by its own benchmark, which overwrites it.\n\n${body}\n`,
  );
}
