// SPDX-License-Identifier: Apache-2.0
// The lawyer's uploads: POST /portal/files?name=<file name> with the raw bytes; the answer
// {sha256, size, type, name} is what a filing or a representation then names.
import { portal } from './lawyer-session.js'

export function uploadFile(file) {
  return portal.upload(`/portal/files?name=${encodeURIComponent(file.name)}`, file)
}
