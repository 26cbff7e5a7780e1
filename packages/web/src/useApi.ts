import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GET `url` (null = nothing yet); keeps the last data while reloading, so open forms stay put. */
export function useApi<T>(url: string | null): ApiState<T> {
  const [state, setState] = useState<{ url: string | null; data?: T; error?: ApiError; loading: boolean }>({
    url,
    loading: !!url,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    setState((s) => ({ url, data: s.url === url ? s.data : undefined, loading: true }));
    api.get<T>(url).then(
      (data) => !cancelled && setState({ url, data, loading: false }),
      (e: unknown) =>
        !cancelled &&
        setState((s) => ({
          url,
          data: s.url === url ? s.data : undefined,
          error: e instanceof ApiError ? e : new ApiError(0, { error: 'onbekend', message: String(e) }),
          loading: false,
        })),
    );
    return () => {
      cancelled = true;
    };
  }, [url, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const same = state.url === url;
  return {
    data: same ? state.data : undefined,
    error: same ? state.error : undefined,
    loading: !same || state.loading,
    reload,
  };
}
