// SPDX-License-Identifier: Apache-2.0
// The files lawyers and the court exchange: PDF, JPEG or PNG, at most 10 MiB each (the server's
// default `filings.max_file_bytes`; it checks the type by the bytes, and the size again).
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'
export const MAX_FILE_BYTES = 10 * 1024 * 1024

const BY_EXTENSION = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' }

// The media type to send a chosen file as (a phone may give none), or '' when not accepted.
export function mediaTypeOf(file) {
  if (Object.values(BY_EXTENSION).includes(file?.type)) return file.type
  const ext = String(file?.name ?? '').split('.').pop().toLowerCase()
  return BY_EXTENSION[ext] ?? ''
}

export function sizeText(bytes) {
  const n = Number(bytes) || 0
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

export function kindText(type) {
  if (type === 'application/pdf') return 'PDF'
  if (String(type).startsWith('image/')) return '图片'
  return '文件'
}
