/** Download names: the site's own name (Chinese welcome) minus characters no file system accepts. */
export function downloadName(name: string | undefined, extension: string): string {
  const clean = (name ?? '').replace(/[\\/:*?"<>|\x00-\x1f]/g, '').trim().slice(0, 100);
  return `${clean || 'site'}.${extension}`;
}

/** Names inside a zip stay ASCII: older Chinese Windows tools mangle UTF-8 member names. */
export function asciiBaseName(name: string | undefined): string {
  const ascii = (name ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40);
  return ascii || 'site';
}
