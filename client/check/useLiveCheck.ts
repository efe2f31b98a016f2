import { useEffect, useState } from 'react';
import type { CheckRequestBody } from '../../common/api/check.ts';
import type { CheckResult } from '../../common/api/check-result.ts';
import { CheckApiError, postCheck } from './check-api.ts';

export interface LiveCheck {
  status: 'idle' | 'checking' | 'done' | 'error';
  /** The latest answer; kept (and shown dimmed) while a newer check runs or after it fails. */
  result: CheckResult | null;
  /** The request that produced `result`. */
  request: CheckRequestBody | null;
  error: CheckApiError | null;
}

/** Quiet time after the last change before checking (issue 6: about 150 ms). */
const LIVE_CHECK_DELAY_MS = 150;

/**
 * Checks the site against the control layers as it changes: 150 ms after the last change (while
 * drawing, each pointer move changes the site), cancelling the request still in flight, so only
 * the answer for the current site is ever shown. The server decides; this only asks.
 */
export function useLiveCheck(request: CheckRequestBody | null, delayMs = LIVE_CHECK_DELAY_MS): LiveCheck {
  const key = request ? JSON.stringify(request) : null;
  const [state, setState] = useState<LiveCheck>({ status: 'idle', result: null, request: null, error: null });

  useEffect(() => {
    if (!key) {
      setState({ status: 'idle', result: null, request: null, error: null });
      return;
    }
    const abort = new AbortController();
    const body = JSON.parse(key) as CheckRequestBody;
    setState((s) => ({ ...s, status: 'checking' }));
    const timer = setTimeout(() => {
      postCheck(body, abort.signal).then(
        (result) => setState({ status: 'done', result, request: body, error: null }),
        (e: unknown) => {
          if (abort.signal.aborted) return;
          const error = e instanceof CheckApiError ? e : new CheckApiError(0, 'UNKNOWN', { zh: String(e), en: String(e) });
          setState((s) => ({ ...s, status: 'error', error }));
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key, delayMs]);

  return state;
}
