import type { MessagePort } from 'node:worker_threads';
import { move } from 'piscina';
import type { ImportResponse } from '../../common/api/exchange.ts';
import { isAppError } from '../http/errors.ts';
import type { Bilingual } from '../http/errors.ts';
import { importSiteFile, type ImportRequest } from './index.ts';

/**
 * The body of an import-pool thread (import-pool.ts): one uploaded file → the JSON answer, as bytes
 * moved (not copied) back to the event loop, which only writes them out. Parsing, the checks and
 * the serialisation of a large answer all happen here.
 */
export interface ImportTask {
  request: Omit<ImportRequest, 'bytes'> & { bytes: Uint8Array };
  /** Told first thing, so the time limit counts the parse, not the wait in the queue. */
  started: MessagePort;
}

/** A refusal in the API's terms (an AppError does not survive the trip between threads). */
export interface ImportRefusal {
  status: number;
  code: string;
  messages: Bilingual;
  details?: unknown;
}

export default async function runImport({ request, started }: ImportTask): Promise<Uint8Array | ImportRefusal> {
  started.postMessage('started');
  started.close();
  const { bytes, ...options } = request;
  try {
    const result = await importSiteFile({ ...options, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    let text: string;
    try {
      text = JSON.stringify(result satisfies ImportResponse);
    } catch (e) {
      // Attributes nested too deep to serialise (a GeoJSON's properties 100,000 levels down): a 500 before.
      if (!(e instanceof RangeError)) throw e;
      return { status: 422, code: 'PROPERTIES_TOO_DEEP', messages: { zh: '文件中的属性嵌套过深，无法读取', en: 'The attributes in the file are nested too deeply to be read' } };
    }
    // TextEncoder gives the answer an ArrayBuffer of its own, safe to move (a small Buffer may share Node's pool).
    return move(new TextEncoder().encode(text)) as unknown as Uint8Array;
  } catch (e) {
    if (isAppError(e)) return { status: e.status, code: e.code, messages: e.messages, ...(e.details === undefined ? {} : { details: e.details }) };
    throw e;
  }
}
