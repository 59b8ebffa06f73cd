// Which rows of a long table are rendered, and how far to scroll to reveal one.
import { expect, test } from 'vitest';
import { scrollToReveal, visibleWindow } from '../../renderer/src/components/virtualWindow';

test('the viewport plus an overscan either side; spacers stand in for the rest', () => {
  expect(
    visibleWindow({ scrollTop: 2800, viewport: 280, rowHeight: 28, count: 100_000, overscan: 5 }),
  ).toEqual({
    start: 95,
    end: 115,
    padTop: 95 * 28,
    padBottom: (100_000 - 115) * 28,
  });
});

test('clamped at both ends; before layout a default viewport height is used', () => {
  expect(visibleWindow({ scrollTop: 0, viewport: 280, rowHeight: 28, count: 3 })).toEqual({
    start: 0,
    end: 3,
    padTop: 0,
    padBottom: 0,
  });
  expect(visibleWindow({ scrollTop: 0, viewport: 0, rowHeight: 40, count: 1000, overscan: 0 }).end).toBe(12);
});

test('revealing a row scrolls just enough, or not at all', () => {
  expect(scrollToReveal(9, 0, 280, 28)).toBeNull(); // rows 0–9 fill 280 px exactly
  expect(scrollToReveal(10, 0, 280, 28)).toBe(28);
  expect(scrollToReveal(50, 0, 280, 28)).toBe(51 * 28 - 280);
  expect(scrollToReveal(2, 500, 280, 28)).toBe(56);
  expect(scrollToReveal(50, 0, 308, 28, 28)).toBe(51 * 28 - 280);
});
