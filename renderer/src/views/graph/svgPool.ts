// A pool of SVG elements of one kind that the animation loop reuses frame after frame: the number of
// dots and links changes every frame, the elements do not come and go with it.
const SVG_NS = 'http://www.w3.org/2000/svg';

export class SvgPool<T extends SVGElement> {
  private readonly items: T[] = [];
  private used = 0;
  private shown = 0;

  constructor(
    private readonly parent: SVGGElement,
    private readonly tag: string,
    private readonly init: (el: T) => void = () => {},
  ) {}

  begin(): void {
    this.used = 0;
  }

  next(): T {
    let el = this.items[this.used];
    if (!el) {
      el = this.parent.ownerDocument.createElementNS(SVG_NS, this.tag) as T;
      this.init(el);
      this.parent.appendChild(el);
      this.items.push(el);
    } else if (this.used >= this.shown) {
      el.style.display = '';
    }
    this.used++;
    return el;
  }

  /** Hides what this frame did not use. */
  end(): void {
    for (let i = this.used; i < this.shown; i++) this.items[i]!.style.display = 'none';
    this.shown = this.used;
  }

  get size(): number {
    return this.shown;
  }

  dispose(): void {
    for (const el of this.items) el.remove();
    this.items.length = 0;
    this.used = 0;
    this.shown = 0;
  }
}
