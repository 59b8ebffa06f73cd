// A step's narration, rendered from the parsed light markdown (see narration.ts).
import { Fragment } from 'react';
import { parseNarration, type Inline } from './narration';

function InlineText({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'code' ? (
          <code key={i}>{p.text}</code>
        ) : p.kind === 'bold' ? (
          <strong key={i}>{p.text}</strong>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

export function Narration({ text }: { text: string }) {
  return (
    <div className="lesson-narration" data-testid="lesson-narration">
      {parseNarration(text).map((block, i) =>
        block.kind === 'list' ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <InlineText parts={item} />
              </li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            <InlineText parts={block.inline} />
          </p>
        ),
      )}
    </div>
  );
}
