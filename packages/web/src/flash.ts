// A one-time message carried to the next page (e.g. "Melding geregistreerd" on the casus page).
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** Read the message without removing it (safe in React's double-invoked initialisers). */
export function peekFlash(): string | null {
  return pending;
}

export function clearFlash(): void {
  pending = null;
}
