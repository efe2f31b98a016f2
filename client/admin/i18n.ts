import { registerBundle } from '../i18n/bundle.ts';

/** Strings of 用户管理 (namespace "admin"). */
export const ADMIN_NS = 'admin';

const zhCN = {
  title: '用户管理',
  loading: '正在加载账号…',
  columns: { username: '用户名', role: '角色', state: '状态', created: '创建时间' },
  enabled: '启用',
  disabled: '已停用',
  disable: '停用',
  enable: '启用',
  create: '新建账号',
  username: '用户名',
  password: '初始密码（至少 8 位）',
  role: '角色',
  add: '创建',
  created: '已创建账号 {{username}}',
  close: '关闭',
};

const en: typeof zhCN = {
  title: 'Users',
  loading: 'Loading accounts…',
  columns: { username: 'Username', role: 'Role', state: 'State', created: 'Created' },
  enabled: 'Active',
  disabled: 'Disabled',
  disable: 'Disable',
  enable: 'Enable',
  create: 'New account',
  username: 'Username',
  password: 'Initial password (8+ characters)',
  role: 'Role',
  add: 'Create',
  created: 'Account {{username}} created',
  close: 'Close',
};

registerBundle(ADMIN_NS, { 'zh-CN': zhCN, en });
