// SPDX-License-Identifier: Apache-2.0
// What an error is called in zh-CN: the headline by HTTP status (0: the request never got an
// answer), and the whole text a page shows for a failed call.

const BY_STATUS = {
  0: '网络不可用',
  400: '输入有误',
  401: '请重新登录',
  403: '没有权限',
  404: '未找到',
  409: '冲突',
  413: '内容过大',
  415: '文件类型不支持',
  422: '输入有误',
  429: '请求过于频繁',
}

export function headlineFor(status) {
  if (BY_STATUS[status]) return BY_STATUS[status]
  if (status >= 500) return '服务暂不可用'
  if (status >= 400) return '请求失败'
  return '出错了'
}

// The dialog's text for any thrown value: an ApiError, an Error, or a string.
export function describeError(err) {
  if (err && typeof err === 'object' && 'status' in err) {
    const lines = []
    if (err.message) lines.push(err.message)
    const fields = Object.entries(err.fields || {})
    for (const [key, message] of fields) {
      if (message && message !== err.message) lines.push(`${key}：${message}`)
    }
    if (err.status >= 500 && err.requestId) lines.push(`请求编号 ${err.requestId}`)
    return { title: headlineFor(err.status), message: lines.join('\n') }
  }
  const message = typeof err === 'string' ? err : err?.message || ''
  return { title: '出错了', message }
}
