import { useEffect, useRef } from 'react';

/** Other panels (the 项目 tab's 登录 button) open the header's login dialog through this event. */
const LOGIN_EVENT = 'redline:login-requested';

export const requestLogin = () => window.dispatchEvent(new Event(LOGIN_EVENT));

export function useLoginRequests(open: () => void): void {
  const ref = useRef(open);
  ref.current = open;
  useEffect(() => {
    const on = () => ref.current();
    window.addEventListener(LOGIN_EVENT, on);
    return () => window.removeEventListener(LOGIN_EVENT, on);
  }, []);
}
