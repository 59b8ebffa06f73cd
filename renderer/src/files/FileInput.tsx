// The hidden file input behind an "Open…" button: picks one JSON file, and is cleared afterwards so
// choosing the same file again still counts.
import type { Ref } from 'react';

interface Props {
  ref: Ref<HTMLInputElement>;
  testId: string;
  onFile(file: File): void;
}

export function JsonFileInput({ ref, testId, onFile }: Props) {
  return (
    <input
      ref={ref}
      type="file"
      accept="application/json,.json"
      hidden
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
