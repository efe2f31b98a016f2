import { create as contentDisposition } from 'content-disposition';
import type { Response } from 'express';
import { wellFormed } from './lone-surrogates.ts';

/**
 * Marks an answer as a file download: its media type and a Content-Disposition carrying the real,
 * often Chinese, name (RFC 6266 / 8187 `filename*`, every character outside attr-char encoded) and
 * an ASCII name for clients that read only `filename` (older tools, curl -J).
 */
export function setDownload(res: Response, mediaType: string | undefined, name: string, asciiName: string): void {
  if (mediaType) res.setHeader('Content-Type', mediaType);
  res.setHeader('Content-Disposition', downloadDisposition(name, asciiName));
}

/**
 * The Content-Disposition value alone; a fallback with characters outside printable ASCII is made
 * safe. A name with a lone surrogate (a site name sent as "\udfff") cannot be percent-encoded
 * (encodeURIComponent throws URIError): it is made well-formed first (U+FFFD).
 */
export function downloadDisposition(name: string, asciiName: string): string {
  return contentDisposition(wellFormed(name), { fallback: asciiName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_') });
}

/**
 * An ASCII name for the `filename` fallback: the name itself when it is printable ASCII, else
 * `stem` with the name's extension (a Chinese site name would otherwise come out as "______.zip").
 */
export function asciiFallbackName(name: string, stem: string): string {
  if (/^[\x20-\x7e]+$/.test(name)) return name;
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  return `${stem}${extension}`;
}
