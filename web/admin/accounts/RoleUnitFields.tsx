// A role and the unit it is granted on; the unit must be of the role's level (district admin on the center, …).
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLevel, staffRoles, type StaffRole } from '../../../common/roles';
import { UnitPicker } from '../ui/UnitPicker';

export function RoleUnitFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const role = Form.useWatch('role', form) as StaffRole | undefined;
  return (
    <>
      <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={() => form.setFieldsValue({ unitId: undefined })}
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('accounts.unit')} rules={[{ required: true, message: t('common.required') }]} extra={role ? t('accounts.unitLevelHint', { level: t(`levels.${roleLevel[role]}`) }) : undefined}>
        <UnitPicker levels={role ? [roleLevel[role]] : undefined} />
      </Form.Item>
    </>
  );
}
