import { registerBundle } from '../i18n/bundle.ts';

/** Strings of login, the account menu and account management (namespace "auth"). */
export const AUTH_NS = 'auth';

const zhCN = {
  login: '登录',
  logout: '退出登录',
  loginTitle: '登录 生态红线一张图',
  loginHint: '项目申请、审查与台账需要登录；查看地图无需登录。',
  username: '用户名',
  password: '密码',
  submit: '登录',
  loggingIn: '正在登录…',
  cancel: '取消',
  accountMenu: '账号：{{username}}（{{role}}）',
  role: { applicant: '申请人', reviewer: '审查人员', admin: '管理员' },
  users: '用户管理',
  checking: '正在确认登录状态…',
  sessionEnded: '登录已失效，请重新登录。',
  closedMapHint: '本系统的地图、检索与选址核查仅对登录用户开放，请使用管理员分配的账号登录。',
};

const en: typeof zhCN = {
  login: 'Log in',
  logout: 'Log out',
  loginTitle: 'Log in to Redline Map',
  loginHint: 'Proposing, reviewing and the register need a login; viewing the map does not.',
  username: 'Username',
  password: 'Password',
  submit: 'Log in',
  loggingIn: 'Logging in…',
  cancel: 'Cancel',
  accountMenu: 'Account: {{username}} ({{role}})',
  role: { applicant: 'Applicant', reviewer: 'Reviewer', admin: 'Administrator' },
  users: 'Users',
  checking: 'Checking the login…',
  sessionEnded: 'The session has ended; please log in again.',
  closedMapHint: 'The map, search and site checks of this system are open to logged-in users only. Log in with the account your administrator gave you.',
};

registerBundle(AUTH_NS, { 'zh-CN': zhCN, en });
