// Staff sign-in with mobile number and password. Says plainly when the password is wrong or the account is locked.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { ME_KEY, useMe } from './use-me';
import { MOBILE_PATTERN } from '../../../common/mobile';

type Values = { phone: string; password: string };

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<string | null>(null);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/network';
  const signIn = useMutation({
    mutationFn: (v: Values) => api<{ account: Me }>('/api/auth/sign-in', { body: v }),
    onSuccess: ({ account }) => {
      qc.clear();
      qc.setQueryData(ME_KEY, account);
      navigate(target, { replace: true });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'invalid_credentials') setProblem(t('auth.wrongPassword'));
      else if (err instanceof ApiError && err.code === 'account_locked') setProblem(t('auth.locked'));
      else if (err instanceof ApiError && err.code === 'rate_limited') setProblem(t('auth.rateLimited'));
      else setProblem(err instanceof Error ? err.message : String(err));
    },
  });
  if (me.data) return <Navigate to={target} replace />;
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg, #fff1f0 0%, #f5f5f5 60%)' }}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, boxShadow: '0 6px 24px rgba(0,0,0,.08)' }}>
        <Typography.Title level={3} style={{ marginBottom: 4, textAlign: 'center' }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.signInTitle')}
        </Typography.Paragraph>
        {problem && <Alert role="alert" type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Form<Values>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => {
            setProblem(null);
            signIn.mutate(v);
          }}
        >
          <Form.Item
            label={t('auth.phone')}
            name="phone"
            rules={[
              { required: true, message: t('auth.phoneRequired') },
              { pattern: MOBILE_PATTERN, message: t('auth.phoneInvalid') },
            ]}
          >
            <Input prefix={<MobileOutlined />} inputMode="numeric" autoComplete="username" maxLength={11} placeholder={t('auth.phonePlaceholder')} />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
