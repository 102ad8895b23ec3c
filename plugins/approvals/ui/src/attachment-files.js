// SPDX-License-Identifier: Apache-2.0
// What an attachment field accepts (the server's list, docs/approvals.md "Attachments"), a file's
// type when the phone does not say it, and sizes as people read them.

const TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

// The <input type=file accept> value: extensions and media types.
export const ACCEPT = [...Object.keys(TYPES).map((e) => `.${e}`), ...new Set(Object.values(TYPES))].join(',')

// The largest file the demo host takes (server.max_body_bytes in config/courthub.yaml); a larger
// one is refused here before it is sent (the host would answer 413).
export const MAX_FILE_BYTES = 10 * 1024 * 1024

// The media type to send: the browser's, or one from the extension when it gave none (HEIC and
// Office files on some phones). null when the file is not of an allowed kind.
export function mediaTypeOf(file) {
  const ext = (file.name ?? '').split('.').pop().toLowerCase()
  const allowed = new Set(Object.values(TYPES))
  if (file.type && allowed.has(file.type)) return file.type
  if (!file.type || file.type === 'application/octet-stream') return TYPES[ext] ?? null
  return null
}

// 812 B, 3.4 KB, 1.2 MB.
export function fileSize(bytes) {
  if (!Number.isFinite(bytes)) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

// "PDF", "图片", "Word" … for a list line.
export function kindText(type) {
  if (type === 'application/pdf') return 'PDF'
  if (type?.startsWith('image/')) return '图片'
  if (/word/.test(type ?? '')) return 'Word'
  if (/excel|sheet/.test(type ?? '')) return 'Excel'
  if (/powerpoint|presentation/.test(type ?? '')) return 'PPT'
  return '文件'
}
