import iconv from 'iconv-lite';
import { unprocessable } from '../http/errors.ts';

/** The encodings a planner's text file comes in (and an export is written in). */
export type TextEncoding = 'utf-8' | 'gbk';

/**
 * Bytes → text for the text formats. Chinese files are UTF-8 or GBK (Windows code page 936);
 * with no BOM and no explicit choice, valid UTF-8 is UTF-8 and anything else is read as GBK
 * (decoded as GB18030, its superset, so rare characters survive).
 */
export interface DecodedText {
  text: string;
  encoding: TextEncoding | 'utf-16';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function refuseBinary(): never {
  throw unprocessable('NOT_TEXT', '文件不是文本文件（含二进制内容），请检查文件格式。', 'The file is not a text file (it contains binary data); check the format.');
}

function assertLooksLikeText(text: string): void {
  // NUL and most C0 controls never occur in coordinate text; a few percent of them means binary.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) refuseBinary();
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  if (controls > Math.max(8, text.length * 0.01)) refuseBinary();
}

export function decodeText(bytes: Buffer, encoding?: TextEncoding): DecodedText {
  let decoded: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    decoded = { text: iconv.decode(bytes, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'), encoding: 'utf-16' };
  } else if (encoding === 'gbk') {
    decoded = { text: iconv.decode(bytes, 'gb18030'), encoding: 'gbk' };
  } else {
    try {
      decoded = { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
    } catch {
      if (encoding === 'utf-8')
        throw unprocessable(
          'INVALID_UTF8',
          '文件不是有效的 UTF-8 编码；如为 GBK 编码，请选择 encoding=gbk。',
          'The file is not valid UTF-8; if it is GBK-encoded, choose encoding=gbk.',
        );
      decoded = { text: iconv.decode(bytes, 'gb18030'), encoding: 'gbk' };
    }
  }
  assertLooksLikeText(decoded.text);
  return decoded;
}

/** Encodes text for download: GBK for 国土 systems that expect it, else UTF-8. */
export const encodeText = (text: string, encoding: TextEncoding): Buffer =>
  encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
