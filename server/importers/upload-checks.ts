import { badRequest } from '../http/errors.ts';

const emptyFile = () => badRequest('EMPTY_FILE', '文件为空。', 'The file is empty.');

/** An empty upload is a client mistake (400), not unusable content. */
export function assertNotEmpty(bytes: Buffer): void {
  if (!bytes || bytes.length === 0) throw emptyFile();
}

export function assertTextNotEmpty(text: string): void {
  if (text.trim() === '') throw emptyFile();
}
