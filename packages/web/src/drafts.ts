// Form drafts kept in memory (never in browser storage: they hold personal data). They survive
// moving between pages and an expired session (log in again, continue typing); logging out or a
// different user logging in clears them.
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

const drafts = new Map<string, unknown>();
let owner: number | null = null;

export function clearDrafts(): void {
  drafts.clear();
}

/** Call when a user logs in: drafts of another user are dropped. */
export function setDraftOwner(userId: number): void {
  if (owner !== null && owner !== userId) drafts.clear();
  owner = userId;
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}

export function useDraft<T>(key: string, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial()));
  useEffect(() => {
    drafts.set(key, value);
  }, [key, value]);
  return [value, setValue];
}
