// Copies a URL or a magnet link; says so, or says why not (the clipboard needs a secure page).
import { useState } from 'react';

export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      setDone('failed');
    }
  };
  return (
    <button onClick={() => void copy()} title={`Copy ${text}`} data-testid={testId}>
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Select and copy' : 'Copy'}
    </button>
  );
}
