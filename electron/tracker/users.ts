// Private-tracker users: a passkey each, and the totals credited to them. Totals live "in the
// database": they survive a tracker restart even when the in-memory peers do not.
import type { TrackerUser } from '../../shared/tracker/settings';

export interface UserAccount {
  index: number;
  name: string;
  passkey: string;
  uploaded: number;
  downloaded: number;
  snatches: number;
}

export interface UserAccountsSnapshot {
  accounts: UserAccount[];
  snatched: string[];
}

export class UserAccounts {
  private accounts: UserAccount[] = [];
  private readonly byPasskey = new Map<string, UserAccount>();
  /** `${user}:${infoHashHex}` for every (user, torrent) already counted as a snatch. */
  private readonly snatched = new Set<string>();

  constructor(users: readonly TrackerUser[] = []) {
    for (const user of users) this.add(user);
  }

  add(user: TrackerUser): UserAccount | null {
    if (this.byPasskey.has(user.passkey)) return null;
    const account: UserAccount = {
      index: this.accounts.length,
      ...user,
      uploaded: 0,
      downloaded: 0,
      snatches: 0,
    };
    this.accounts.push(account);
    this.byPasskey.set(user.passkey, account);
    return account;
  }

  byKey(passkey: string): UserAccount | undefined {
    return this.byPasskey.get(passkey);
  }

  at(index: number): UserAccount | undefined {
    return this.accounts[index];
  }

  all(): readonly UserAccount[] {
    return this.accounts;
  }

  snapshot(): UserAccountsSnapshot {
    return { accounts: this.accounts.map((a) => ({ ...a })), snatched: [...this.snatched] };
  }

  restore(snapshot: UserAccountsSnapshot): void {
    this.accounts = snapshot.accounts.map((a) => ({ ...a }));
    this.byPasskey.clear();
    for (const a of this.accounts) this.byPasskey.set(a.passkey, a);
    this.snatched.clear();
    for (const key of snapshot.snatched) this.snatched.add(key);
  }

  /** Records a snatch for (user, torrent); false when it was already counted. */
  markSnatched(user: number, infoHashHex: string): boolean {
    const key = `${user}:${infoHashHex}`;
    if (this.snatched.has(key)) return false;
    this.snatched.add(key);
    return true;
  }
}
