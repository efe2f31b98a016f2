import { create as contentDisposition } from 'content-disposition';
import type { Response } from 'express';

/**
 * Marks an answer as a file download: its media type and a Content-Disposition carrying the real,
 * often Chinese, name (RFC 6266 / 8187 `filename*`, every character outside attr-char encoded) and
 * an ASCII name for clients that read only `filename` (older tools, curl -J).
 */
export function setDownload(res: Response, mediaType: string | undefined, name: string, asciiName: string): void {
  if (mediaType) res.setHeader('Content-Type', mediaType);
  res.setHeader('Content-Disposition', downloadDisposition(name, asciiName));
}

/** The Content-Disposition value alone; a fallback with characters outside printable ASCII is made safe. */
export function downloadDisposition(name: string, asciiName: string): string {
  return contentDisposition(name, { fallback: asciiName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_') });
}
