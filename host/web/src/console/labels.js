// SPDX-License-Identifier: Apache-2.0
// The console's words for the host's states and actions.

export const PLUGIN_STATES = {
  active: { text: '运行中', type: 'success' },
  disabled: { text: '已停用', type: 'default' },
  error: { text: '出错', type: 'danger' },
}

export const RELOAD_ACTIONS = {
  enabled: { text: '已启用', type: 'success' },
  reconfigured: { text: '已重新加载', type: 'success' },
  unchanged: { text: '未变化', type: 'default' },
  disabled: { text: '已停用', type: 'warning' },
  removed: { text: '已移除', type: 'warning' },
  failed: { text: '失败', type: 'danger' },
}

export function stateOf(state) {
  return PLUGIN_STATES[state] || { text: state || '未知', type: 'default' }
}

export function actionOf(action) {
  return RELOAD_ACTIONS[action] || { text: action || '未知', type: 'default' }
}

// The first 12 hex digits: enough to tell two builds apart on a phone.
export function shortHash(sha256) {
  return sha256 ? sha256.slice(0, 12) : '—'
}
