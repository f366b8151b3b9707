import type { Decision } from '../router/types';
import type { HistoryEntry, Outcome } from '../shared/messages';

export interface Known {
  decision: Decision | null;
  outcome: Outcome;
}

/**
 * What this page knows about sent messages, by text hash: decisions loaded from the worker for the open
 * conversation, plus sends from this page whose decision is still on its way ('pending'), so a badge can
 * wait for it instead of guessing.
 */
export class DecisionBook {
  private known = new Map<string, Known>();
  private pending = new Set<string>();
  private listeners = new Set<() => void>();

  get(hash: string): Known | 'pending' | undefined {
    return this.known.get(hash) ?? (this.pending.has(hash) ? 'pending' : undefined);
  }

  expect(hash: string): void {
    if (!this.known.has(hash)) this.pending.add(hash);
    this.changed();
  }

  settle(hash: string, known: Known): void {
    this.pending.delete(hash);
    this.known.set(hash, known);
    this.changed();
  }

  drop(hash: string): void {
    this.pending.delete(hash);
    this.changed();
  }

  /**
   * Adds the stored decisions of a conversation. Merged, not replaced: a send of this page may not have
   * reached storage yet, and a message with the same text gets the same decision anyway.
   */
  load(entries: readonly HistoryEntry[]): void {
    for (const entry of entries) this.known.set(entry.textHash, { decision: entry.decision, outcome: entry.outcome });
    for (const hash of this.known.keys()) this.pending.delete(hash);
    this.changed();
  }

  onChange(listener: () => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
