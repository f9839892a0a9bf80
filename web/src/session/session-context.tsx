import { useSyncExternalStore } from 'react';
import { session, type Me, type SessionState } from './session-store';

/** The session state, re-rendering on login, logout, refresh failure and organization switch. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The signed-in person's `/me`; only for pages under the authenticated shell. */
export function useMe(): Me {
  const state = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe outside an authenticated page');
  return state.me;
}

export { session };
