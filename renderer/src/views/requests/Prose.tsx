// Explanations mark protocol words with `backticks`: shown as code in the page, as quotes in tooltips.

export function Prose({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}

export function plainText(text: string): string {
  return text.replace(/`([^`]*)`/g, '“$1”');
}
