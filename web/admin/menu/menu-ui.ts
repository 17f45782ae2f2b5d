// Labels of the service categories in the interface language, status colours and the query key of the console's
// service menu pages.
import { useTranslation } from 'react-i18next';
import { serviceCategories, serviceCategoryLabel } from '../../../common/service-categories';
import type { MenuItemStatus } from '../../api/menu';

export const MENU_KEY = ['menu-items'] as const;

export const menuStatusColor: Record<MenuItemStatus, string> = { draft: 'default', published: 'success', withdrawn: 'warning' };

export function useCategoryLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return {
    options: serviceCategories.map((c) => ({ value: c.key as string, label: c[lang] })),
    label: (key: string) => serviceCategoryLabel(key, lang),
  };
}
