// The graph's tooltip, written straight into the DOM by the animation loop (its text can change with
// virtual time: a peer is lit only while the answer's highlight lasts).
import type { Tooltip } from './explain';

/** Shows `tip` beside the pointer, inside a width × height surface; returns its key (unchanged: no write). */
export function writeTooltip(
  el: HTMLElement,
  tip: Tooltip | null,
  pointer: { x: number; y: number },
  size: { width: number; height: number },
  previousKey: string,
): string {
  const key = tip === null ? '' : `${tip.title}\n${tip.lines.join('\n')}|${pointer.x},${pointer.y}`;
  if (key === previousKey) return key;
  if (tip === null) {
    el.hidden = true;
    return key;
  }
  el.hidden = false;
  const title = el.ownerDocument.createElement('strong');
  title.textContent = tip.title;
  el.replaceChildren(title);
  for (const line of tip.lines) {
    const div = el.ownerDocument.createElement('div');
    div.textContent = line;
    el.append(div);
  }
  // Beside the pointer, kept inside the surface (above the pointer near the bottom edge).
  const left = Math.min(pointer.x + 14, Math.max(0, size.width - el.offsetWidth - 4));
  const below = pointer.y + 14;
  const top = below + el.offsetHeight > size.height ? Math.max(0, pointer.y - el.offsetHeight - 10) : below;
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
  return key;
}
