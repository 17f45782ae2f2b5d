// 中文 ⇄ English; i18n/setup.ts remembers the choice in this browser.
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch({ ghost }: { ghost?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      type={ghost ? 'text' : 'default'}
      icon={<GlobalOutlined />}
      aria-label={t('lang.label')}
      onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'zh' : 'en')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
