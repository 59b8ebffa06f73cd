import { expect, test } from 'vitest';
import { parseInline, parseNarration } from '../../../renderer/src/views/lessons/narration';

test('inline `code` and **bold** among plain text', () => {
  expect(parseInline('send `event=started` **now**, then wait')).toEqual([
    { kind: 'text', text: 'send ' },
    { kind: 'code', text: 'event=started' },
    { kind: 'text', text: ' ' },
    { kind: 'bold', text: 'now' },
    { kind: 'text', text: ', then wait' },
  ]);
});

test('blank lines split paragraphs, "- " lines make a list, single newlines join lines', () => {
  expect(parseNarration('One\nline.\n\n- a\n- `b`\n\nEnd.')).toEqual([
    { kind: 'paragraph', inline: [{ kind: 'text', text: 'One line.' }] },
    {
      kind: 'list',
      items: [[{ kind: 'text', text: 'a' }], [{ kind: 'code', text: 'b' }]],
    },
    { kind: 'paragraph', inline: [{ kind: 'text', text: 'End.' }] },
  ]);
});

test('markup characters without a partner stay text (nothing is interpreted as HTML)', () => {
  expect(parseNarration('a <b> `c and **d')).toEqual([
    { kind: 'paragraph', inline: [{ kind: 'text', text: 'a <b> `c and **d' }] },
  ]);
});
