import type { Socket } from 'node:net';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a 70,000-character path, a header
 * block past `--max-http-header-size`, malformed request lines) get the same bilingual error body as
 * every other 4xx, instead of Node's bare "431"/"400" status line.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'HEADERS_TOO_LARGE', message: { zh: '请求行或请求头过长', en: 'Request line or headers too large' } }
      : { code: 'BAD_REQUEST', message: { zh: '无法解析的 HTTP 请求', en: 'Malformed HTTP request' } },
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
