// How a private tracker turns reported counters into credit (research/trackers.md §2). Pure: given
// the last stored counters and the new report, say what to credit and what to store.
import type { CreditRule } from '../../shared/tracker/events';
import type { CounterResetMode, FirstAnnounceMode } from '../../shared/tracker/settings';

export interface CreditInput {
  counterReset: CounterResetMode;
  firstAnnounce: FirstAnnounceMode;
  /** First sight of this peer (no stored counters). */
  isNew: boolean;
  /** `event=started` re-baselines an existing peer. */
  started: boolean;
  storedUploaded: number;
  storedDownloaded: number;
  uploaded: number;
  downloaded: number;
}

export interface Credit {
  rule: CreditRule;
  uploaded: number;
  downloaded: number;
  /** Counters to store as the next baseline. */
  storeUploaded: number;
  storeDownloaded: number;
}

export function computeCredit(input: CreditInput): Credit {
  const { uploaded: up, downloaded: down } = input;
  if (input.isNew) {
    return input.firstAnnounce === 'credit-all'
      ? { rule: 'from-zero', uploaded: up, downloaded: down, storeUploaded: up, storeDownloaded: down }
      : { rule: 'baseline', uploaded: 0, downloaded: 0, storeUploaded: up, storeDownloaded: down };
  }
  // Careful trackers (Ocelot, AnimeBytes) re-baseline at `started`; the naive modes compute their
  // delta regardless, which is how a restarted client's reset counters turn into bad credit.
  const naive = input.counterReset === 'keep-max' || input.counterReset === 'signed-delta';
  if (input.started && !naive) {
    return { rule: 'baseline', uploaded: 0, downloaded: 0, storeUploaded: up, storeDownloaded: down };
  }
  const dUp = up - input.storedUploaded;
  const dDown = down - input.storedDownloaded;
  if (dUp >= 0 && dDown >= 0) {
    return { rule: 'delta', uploaded: dUp, downloaded: dDown, storeUploaded: up, storeDownloaded: down };
  }
  switch (input.counterReset) {
    case 'rebaseline':
      return { rule: 'rebaseline', uploaded: 0, downloaded: 0, storeUploaded: up, storeDownloaded: down };
    case 'clamp':
      return {
        rule: 'clamped',
        uploaded: Math.max(0, dUp),
        downloaded: Math.max(0, dDown),
        storeUploaded: up,
        storeDownloaded: down,
      };
    case 'keep-max':
      return {
        rule: 'held',
        uploaded: Math.max(0, dUp),
        downloaded: Math.max(0, dDown),
        storeUploaded: Math.max(up, input.storedUploaded),
        storeDownloaded: Math.max(down, input.storedDownloaded),
      };
    case 'signed-delta':
      return { rule: 'signed', uploaded: dUp, downloaded: dDown, storeUploaded: up, storeDownloaded: down };
  }
}
