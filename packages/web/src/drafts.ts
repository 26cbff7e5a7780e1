// Form drafts (concepten). While the user types, a draft is kept in memory (moving between pages,
// an expired session) and saved to the server (PUT /api/concepten/:sleutel, debounced), so it also
// survives a closed tab, a crash and a switch to another device: after logging in again the form
// continues where it was. Never in browser storage: drafts hold personal data. The server logs
// every access and lets drafts expire (docs/security.md, "Drafts").
//
// Rules:
// - Memory first: a form opens with the memory copy when there is one; otherwise with the server
//   copy (fetched when the form opens, only when the list at login says there is one), unless the
//   user already started typing.
// - Saving waits DEBOUNCE_MS after the last keystroke; leaving the page (pagehide) saves at once.
//   A failed save (expired session, network) is retried after the next login of the same user.
// - Search results and search criteria (keys ending in ':resultaten', ':criteria', or starting
//   with 'zoeken:') stay in memory only: they are not the user's work and copying other persons'
//   data to the server is not needed.
// - Explicit logout discards the drafts (memory and server): "Uitloggen" means done. A timeout,
//   a closed tab or "uitloggen op alle apparaten" keeps them.
// - A different user logging in on this browser never sees the previous user's drafts.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

export const DEBOUNCE_MS = 800;

const drafts = new Map<string, unknown>();
let owner: number | null = null;
let csrf: string | null = null;
/** Keys the server has drafts for (from GET /api/concepten at login), or the pending request. */
let serverKeys: Promise<Set<string>> = Promise.resolve(new Set());
const pending = new Map<string, ReturnType<typeof setTimeout>>();
/** Keys whose last save did not reach the server. */
const unsaved = new Set<string>();
let chain: Promise<unknown> = Promise.resolve();
const listeners = new Set<() => void>();
let lastSaved: { key: string; at: Date } | null = null;
/** Keys just dropped (form saved or discarded): the reset of the form that follows is no new draft. */
const dropped = new Map<string, number>();

/** Only letters, digits, '.', '_' and '-' are allowed in a server key: ':' becomes '.'. */
export function serverKey(key: string): string {
  return key
    .replace(/:/g, '.')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 100);
}

/** Whether a draft goes to the server (see the rules above). */
export function isServerDraft(key: string): boolean {
  return !/:(resultaten|criteria)$/.test(key) && !key.startsWith('zoeken:');
}

/** Persons a draft is about (for the server's access log and destruction): every `persoonId`/`persoonIds` in it. */
export function persoonIdsIn(value: unknown, out: Set<number> = new Set()): number[] {
  if (Array.isArray(value)) for (const v of value) persoonIdsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'persoonId' && (typeof v === 'number' || (typeof v === 'string' && /^[1-9][0-9]{0,9}$/.test(v))))
        out.add(Number(v));
      else if (k === 'persoonIds' && Array.isArray(v)) {
        for (const x of v) if (Number.isInteger(x) && x > 0) out.add(x);
      } else persoonIdsIn(v, out);
    }
  }
  return [...out].filter((n) => n > 0).slice(0, 100);
}

async function call(
  method: 'GET' | 'PUT' | 'DELETE',
  key: string,
  body?: unknown,
  keepalive = false,
): Promise<Response | null> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  try {
    return await fetch(`/api/concepten${key ? `/${encodeURIComponent(serverKey(key))}` : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      keepalive,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return null;
  }
}

function notify() {
  for (const l of listeners) l();
}

/** Serialise server writes, so a delete never overtakes an earlier save of the same draft. */
function enqueue<T>(fn: () => Promise<T>): Promise<T> {
  const p = chain.then(fn, fn);
  chain = p.catch(() => undefined);
  return p;
}

function save(key: string, keepalive = false): Promise<void> {
  const t = pending.get(key);
  if (t) clearTimeout(t);
  pending.delete(key);
  const forUser = owner;
  return enqueue(async () => {
    if (owner !== forUser || !drafts.has(key)) return;
    const inhoud = drafts.get(key);
    const res = await call('PUT', key, { inhoud: inhoud ?? null, persoonIds: persoonIdsIn(inhoud) }, keepalive);
    if (res?.ok) {
      unsaved.delete(key);
      lastSaved = { key, at: new Date() };
      void serverKeys.then((s) => s.add(serverKey(key)));
    } else unsaved.add(key);
    notify();
  });
}

function schedule(key: string): void {
  const t = pending.get(key);
  if (t) clearTimeout(t);
  unsaved.add(key);
  pending.set(
    key,
    setTimeout(() => void save(key), DEBOUNCE_MS),
  );
}

/** Save every draft that waits or failed (on pagehide, after re-login). */
export function flushDrafts(opts: { keepalive?: boolean } = {}): Promise<void> {
  const keys = new Set([...pending.keys(), ...unsaved]);
  return Promise.all([...keys].map((k) => save(k, opts.keepalive))).then(() => undefined);
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void flushDrafts({ keepalive: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushDrafts({ keepalive: true });
  });
}

/** Forget every draft in memory (no server call). */
export function clearDrafts(): void {
  for (const t of pending.values()) clearTimeout(t);
  pending.clear();
  unsaved.clear();
  drafts.clear();
  serverKeys = Promise.resolve(new Set());
  notify();
}

/**
 * Explicit logout: discard the user's drafts here and on the server (call before the session
 * ends, the server needs it). Returns when done; failures are ignored (drafts expire anyway).
 */
export async function discardDrafts(): Promise<void> {
  for (const t of pending.values()) clearTimeout(t);
  pending.clear();
  const keys = new Set<string>([...drafts.keys()].filter(isServerDraft).map(serverKey));
  for (const k of await serverKeys.catch(() => new Set<string>())) keys.add(k);
  const res = await call('GET', '');
  if (res?.ok) {
    const body = (await res.json().catch(() => null)) as { concepten?: Array<{ sleutel: string }> } | null;
    for (const c of body?.concepten ?? []) keys.add(c.sleutel);
  }
  await enqueue(() => Promise.all([...keys].map((k) => call('DELETE', k))));
  clearDrafts();
}

/**
 * Call when a user logs in (with the session's CSRF token): drafts of another user are dropped;
 * the list of server drafts is fetched; drafts that could not be saved are saved now.
 */
export function setDraftOwner(userId: number, csrfToken?: string | null): void {
  if (owner !== null && owner !== userId) clearDrafts();
  owner = userId;
  if (csrfToken !== undefined) csrf = csrfToken;
  serverKeys = call('GET', '').then(async (res) => {
    if (!res?.ok) return new Set<string>();
    const body = (await res.json().catch(() => null)) as { concepten?: Array<{ sleutel: string }> } | null;
    return new Set((body?.concepten ?? []).map((c) => c.sleutel));
  });
  void flushDrafts();
}

/** Forget a draft (after the form was saved): memory and server. */
export function dropDraft(key: string): void {
  const t = pending.get(key);
  if (t) clearTimeout(t);
  pending.delete(key);
  unsaved.delete(key);
  const had = drafts.delete(key);
  dropped.set(key, Date.now());
  if (!isServerDraft(key)) return;
  const sk = serverKey(key);
  void serverKeys.then((s) => {
    if (!had && !s.has(sk)) return;
    s.delete(sk);
    void enqueue(() => call('DELETE', key));
  });
}

/** When the last draft was saved to the server (for a quiet "concept opgeslagen" text). */
export function useDraftStatus(): { lastSaved: Date | null; unsaved: number } {
  const [, force] = useState(0);
  useEffect(() => {
    const l = () => force((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return { lastSaved: lastSaved?.at ?? null, unsaved: unsaved.size };
}

export function useDraft<T>(key: string, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial()));
  // The value the form opened with: saving starts when it changes (opening a form saves nothing).
  const opened = useRef<{ key: string; value: unknown }>({ key, value });
  if (opened.current.key !== key) opened.current = { key, value: drafts.has(key) ? drafts.get(key) : undefined };
  const touched = useRef(false);

  useEffect(() => {
    touched.current = false;
    dropped.delete(key);
    if (drafts.has(key) || !isServerDraft(key)) return;
    let cancelled = false;
    const forUser = owner;
    void serverKeys.then(async (keys) => {
      if (cancelled || !keys.has(serverKey(key))) return;
      const res = await call('GET', key);
      if (!res?.ok || cancelled || touched.current || owner !== forUser || drafts.has(key)) return;
      const d = (await res.json().catch(() => null)) as { inhoud?: unknown } | null;
      if (!d || d.inhoud === undefined || cancelled || touched.current) return;
      opened.current = { key, value: d.inhoud };
      drafts.set(key, d.inhoud);
      setValue(d.inhoud as T);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  useEffect(() => {
    if (value === opened.current.value && !drafts.has(key)) return;
    const d = dropped.get(key);
    if (d !== undefined) {
      dropped.delete(key);
      if (Date.now() - d < 2000) {
        // The form was just saved or discarded and is being reset: start afresh.
        opened.current = { key, value };
        touched.current = false;
        return;
      }
    }
    drafts.set(key, value);
    if (value !== opened.current.value) {
      touched.current = true;
      if (isServerDraft(key)) schedule(key);
    }
  }, [key, value]);
  return [value, setValue];
}
