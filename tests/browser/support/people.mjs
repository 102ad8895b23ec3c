// SPDX-License-Identifier: Apache-2.0
// The demo people the flows use (config/directory/staff.yaml), all of 沈阳市和平区人民法院, whose
// rooms are in config/courthub.yaml: a judge of 民事审判第一庭, a fellow judge of that division
// (whom the judge names to check a document, the first approver of a 用印), that division's 庭长
// (the judge's supervisor, the first approver of a leave), and the court's 综合管理员 (court_admin).
export const COURT = { code: 'LN-BC-SY-01', name: '沈阳市和平区人民法院' }
export const JUDGE = { user_id: 'LN-BC-SY-01-024', name: '赵红朋', title: '审判员' }
export const COLLEAGUE = { user_id: 'LN-BC-SY-01-025', name: '熊河丽', title: '审判员' }
export const DIVISION_HEAD = { user_id: 'LN-BC-SY-01-023', name: '戴婷振', title: '庭长' }
export const COURT_ADMIN = { user_id: 'LN-BC-SY-01-045', name: '余磊龙', title: '综合管理员' }
