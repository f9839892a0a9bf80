/**
 * Where to go after signing in: the `next` query parameter when it is a path of this app, so a
 * crafted link cannot send someone to another site (open redirect).
 */
export function safeNext(search: string, fallback = '/'): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}
