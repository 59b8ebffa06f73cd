// The light markdown lesson texts may use (docs/lessons.md): paragraphs split by blank lines,
// lines starting with "- " as a list, and inline `code` and **bold**. Parsed to plain data so
// the component stays a simple map, and nothing is ever injected as HTML.

export type Inline = { kind: 'text' | 'code' | 'bold'; text: string };
export type Block = { kind: 'paragraph'; inline: Inline[] } | { kind: 'list'; items: Inline[][] };

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { kind: 'code', text: m[1] } : { kind: 'bold', text: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

export function parseNarration(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => l.startsWith('- ')))
      blocks.push({ kind: 'list', items: lines.map((l) => parseInline(l.slice(2))) });
    else blocks.push({ kind: 'paragraph', inline: parseInline(lines.join(' ')) });
  }
  return blocks;
}
