import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_MEDIA_TYPES } from '../../common/api/projects.ts';
import { AppError } from '../http/errors.ts';

type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** Extensions a file of each allowed type may carry (the name must agree with the content). */
const EXTENSIONS: Record<AttachmentMediaType, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
};

const ALLOWED_ZH = 'PDF、图片（PNG/JPEG/GIF/WebP/TIFF）、Word（doc/docx）、Excel（xls/xlsx）';
const ALLOWED_EN = 'PDF, images (PNG/JPEG/GIF/WebP/TIFF), Word (doc/docx), Excel (xls/xlsx)';

const refuse = (code: string, zh: string, en: string, details?: unknown) => new AppError(415, code, { zh, en }, details);

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1].toLowerCase() ?? '';

/**
 * The media type of an attachment as its bytes say (magic numbers, via file-type), never as the
 * browser or the file name claims: an executable renamed .pdf is refused (415). The name's
 * extension must also agree with the content, so what the reviewer downloads opens as what it says.
 * Old Office files (doc, xls) share one container format (OLE/CFB); the extension tells them apart.
 */
export async function attachmentMediaType(bytes: Uint8Array, fileName: string): Promise<AttachmentMediaType> {
  const detected = await fileTypeFromBuffer(bytes);
  const ext = extensionOf(fileName);
  let mediaType: string | undefined = detected?.mime;
  if (detected?.ext === 'cfb') mediaType = ext === 'doc' ? 'application/msword' : ext === 'xls' ? 'application/vnd.ms-excel' : undefined;
  if (!mediaType || !(ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    const what = detected ? `${detected.ext}（${detected.mime}）` : '无法识别';
    throw refuse(
      'UNSUPPORTED_ATTACHMENT_TYPE',
      `附件内容的类型为 ${what}，不允许上传；允许的类型：${ALLOWED_ZH}`,
      `The attachment's content is ${detected ? `${detected.ext} (${detected.mime})` : 'of an unknown type'}, which is not allowed; allowed: ${ALLOWED_EN}`,
      { detected: detected?.mime ?? null },
    );
  }
  const type = mediaType as AttachmentMediaType;
  if (!EXTENSIONS[type].includes(ext)) {
    throw refuse(
      'ATTACHMENT_TYPE_MISMATCH',
      `文件名「${fileName}」的扩展名与内容（${EXTENSIONS[type][0]}）不符，请按实际格式命名后再上传`,
      `The name "${fileName}" does not match the content (${EXTENSIONS[type][0]}); name the file after its real format`,
      { detected: type, expected: EXTENSIONS[type] },
    );
  }
  return type;
}
