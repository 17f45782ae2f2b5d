// The signed-in frame: side menu, who is signed in (name, role, unit), language, and the account menu.
import { useState } from 'react';
import { App, Button, Dropdown, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BranchesOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FlagOutlined,
  TableOutlined,
  UnorderedListOutlined,
  DownOutlined,
  IdcardOutlined,
  ImportOutlined,
  MergeCellsOutlined,
  MessageOutlined,
  ReadOutlined,
  UsergroupAddOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined, ClockCircleOutlined, StarOutlined, SafetyCertificateOutlined, ShopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSignOut, useSignedIn } from './auth/use-me';
import { ChangePasswordModal } from './auth/ChangePasswordModal';
import { LanguageSwitch } from './ui/LanguageSwitch';
import favicon from '../ui/favicon.svg';

// The side menu in three groups: the network, the volunteer registry, and the system.
const menuGroups = [
  {
    key: 'network',
    items: [
      { key: 'network', icon: <ApartmentOutlined /> },
      { key: 'sites', icon: <HomeOutlined /> },
      { key: 'belts', icon: <BranchesOutlined /> },
      { key: 'map', icon: <EnvironmentOutlined /> },
      { key: 'transfer', icon: <SwapOutlined /> },
    ],
  },
  {
    key: 'registry',
    items: [
      { key: 'volunteers', icon: <IdcardOutlined /> },
      { key: 'teams', icon: <UsergroupAddOutlined /> },
      { key: 'federation', icon: <ClusterOutlined /> },
      { key: 'roster', icon: <ImportOutlined /> },
      { key: 'duplicates', icon: <MergeCellsOutlined /> },
      { key: 'school', icon: <ReadOutlined /> },
    ],
  },
  {
    key: 'practice',
    items: [
      { key: 'activities', icon: <CalendarOutlined /> },
      { key: 'programmes', icon: <UnorderedListOutlined /> },
      { key: 'themes', icon: <FlagOutlined /> },
      { key: 'coverage', icon: <TableOutlined /> },
    ],
  },
  {
    key: 'records',
    items: [
      { key: 'hours', icon: <ClockCircleOutlined /> },
      { key: 'stars', icon: <StarOutlined /> },
      { key: 'certificates', icon: <SafetyCertificateOutlined /> },
    ],
  },
  {
    key: 'response',
    items: [{ key: 'menu', icon: <ShopOutlined /> }],
  },
  {
    key: 'system',
    items: [
      { key: 'accounts', icon: <TeamOutlined /> },
      { key: 'audit', icon: <AuditOutlined /> },
      { key: 'outbox', icon: <MessageOutlined /> },
    ],
  },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);
  const signOut = useSignOut(false);
  const signOutAll = useSignOut(true);
  const current = location.pathname.split('/')[1] || 'network';
  // A team leader without a staff role only has their teams to manage here; the rest would be empty pages.
  const leaderOnly = me.grants.length === 0;
  const groups = leaderOnly ? [{ key: 'registry', items: menuGroups[1].items.filter((m) => m.key === 'teams') }] : menuGroups;
  const [primary, ...others] = me.grants;

  const onAccountMenu = (key: string) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'sign-out') signOut.mutate();
    if (key === 'sign-out-all')
      modal.confirm({
        title: t('auth.signOutAll'),
        content: t('auth.signOutAllConfirm'),
        okText: t('auth.signOutAll'),
        cancelText: t('common.cancel'),
        onOk: () => signOutAll.mutateAsync(),
      });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="wm-skip" href="#wm-main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider width={196} theme="dark" breakpoint="lg" collapsedWidth={64} aria-label={t('app.mainMenu')}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', gap: 8, padding: '0 18px', color: '#fff', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <img src={favicon} alt="" width={24} height={24} />
          <span>{t('app.title')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current]}
          items={groups.map((g) => ({
            type: 'group' as const,
            key: `group-${g.key}`,
            label: t(`menu.groups.${g.key}`),
            children: g.items.map((m) => ({ key: m.key, icon: m.icon, label: t(`menu.${m.key}`) })),
          }))}
          onClick={(e) => navigate(`/${e.key}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0', height: 56 }}>
          <Typography.Text type="secondary" className="wm-header-subtitle">
            {t('app.subtitle')}
          </Typography.Text>
          <Space size="middle">
            <LanguageSwitch ghost />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'password', label: t('auth.changePassword') },
                  { type: 'divider' },
                  { key: 'sign-out', label: t('auth.signOut') },
                  { key: 'sign-out-all', label: t('auth.signOutAll'), danger: true },
                ],
                onClick: (e) => onAccountMenu(e.key),
              }}
            >
              <Button type="text" aria-label={t('auth.accountMenu')} style={{ height: 48 }}>
                <Space>
                  <UserOutlined />
                  <span>{me.name}</span>
                  {primary && (
                    <Tooltip title={others.length ? others.map((g) => `${t(`roles.${g.role}`)} · ${g.unitName}`).join('；') : undefined}>
                      <Tag color="red" className="wm-header-role" style={{ marginInlineEnd: 0 }}>
                        {t(`roles.${primary.role}`)} · {primary.unitName}
                        {others.length ? ` +${others.length}` : ''}
                      </Tag>
                    </Tooltip>
                  )}
                  <DownOutlined style={{ fontSize: 10 }} />
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content id="wm-main" tabIndex={-1} style={{ padding: 16, overflow: 'auto' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
