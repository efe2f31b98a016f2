import type { RequestHandler } from 'express';

/** `public, max-age=86400` → `private, max-age=86400`; anything else gains `private`. */
function privateCacheControl(value: string): string {
  const directives = value.split(',').map((d) => d.trim()).filter((d) => d && !/^(public|private|s-maxage=.*)$/i.test(d));
  return ['private', ...directives].join(', ');
}

/**
 * On a closed map (PUBLIC_MAP=false) map reads are for signed-in users only: a shared proxy must not
 * keep a tile or a layer and hand it to the next, anonymous, visitor (issue 11 row 9). Every
 * Cache-Control these responses set becomes `private`, and they vary by Cookie.
 */
export function privateMapCaching(): RequestHandler {
  return (_req, res, next) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = ((name: string, value: number | string | readonly string[]) =>
      setHeader(name, name.toLowerCase() === 'cache-control' ? privateCacheControl(String(value)) : value)) as typeof res.setHeader;
    res.setHeader('Cache-Control', 'no-cache');
    res.vary('Cookie');
    next();
  };
}
