// Choose a unit from the caller's network tree (searchable by name or code).
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNetworkTree } from '../network/use-network';
import type { UnitNode } from '../network/unit-tree';
import type { UnitLevel } from '../../../common/roles';

type Props = {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Units that may not be chosen (e.g. a unit itself and its subtree when moving it). */
  disabledIds?: Set<string>;
  levels?: UnitLevel[];
  id?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

type Option = { value: string; title: string; label: string; disabled?: boolean; children: Option[] };

export function UnitPicker({ value, onChange, placeholder, allowClear, disabledIds, levels, id, style, ...rest }: Props) {
  const { t } = useTranslation();
  const { roots, isPending } = useNetworkTree();
  const treeData = useMemo(() => {
    const toOption = (n: UnitNode): Option => ({
      value: n.id,
      title: `${n.name} (${n.code})`,
      label: n.name,
      disabled: disabledIds?.has(n.id) || (levels ? !levels.includes(n.level) : false) || n.status === 'closed',
      children: n.children.map(toOption),
    });
    return roots.map(toOption);
  }, [roots, disabledIds, levels]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isPending}
      placeholder={placeholder ?? t('unit.pick')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={roots.map((r) => r.id)}
      popupMatchSelectWidth={360}
      style={{ minWidth: 220, ...style }}
    />
  );
}
