// The network as a tree (center → institutes → stations) with site and child counts; searchable.
import { useMemo, useState } from 'react';
import { Input, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { matchesUnit, shortUnitName, subtreeSiteCount, type UnitNode } from './unit-tree';

/** Under 永中街道, "永中街道永昌社区新时代文明实践站" reads as "永昌社区新时代文明实践站"; the tooltip keeps the full name. */
function withoutPrefix(name: string, prefix: string): string {
  return prefix && name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
}

type Props = { roots: UnitNode[]; selectedId?: string; onSelect: (id: string) => void };

export function UnitTree({ roots, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<React.Key[]>(() => roots.map((r) => r.id));

  const { treeData, matchedAncestors } = useMemo(() => {
    const ancestors = new Set<string>();
    const toData = (n: UnitNode, parentShort = ''): DataNode | null => {
      const kids = n.children.map((c) => toData(c, shortUnitName(n.name))).filter((d): d is DataNode => d !== null);
      const hit = matchesUnit(n, q);
      if (!hit && kids.length === 0) return null;
      if (kids.length) ancestors.add(n.id);
      return {
        key: n.id,
        title: (
          <span className="wm-tree-node" data-level={n.level} title={`${n.name}（${n.code}）`}>
            <span className="wm-tree-name">{withoutPrefix(n.name, parentShort)}</span>
            {n.status === 'closed' && <Tag style={{ marginInlineEnd: 0 }}>{t('unit.status.closed')}</Tag>}
            <span className="wm-tree-count">
              {[n.childCount > 0 ? t('unit.childCount', { n: n.childCount }) : '', t('unit.siteCount', { n: subtreeSiteCount(n) })].filter(Boolean).join(' · ')}
            </span>
          </span>
        ),
        children: kids,
      };
    };
    return { treeData: roots.map((r) => toData(r)).filter((d): d is DataNode => d !== null), matchedAncestors: ancestors };
  }, [roots, q, t]);

  return (
    <div>
      <Input.Search
        placeholder={t('unit.searchPlaceholder')}
        aria-label={t('unit.searchPlaceholder')}
        allowClear
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <Tree
        aria-label={t('unit.treeLabel')}
        treeData={treeData}
        blockNode
        showLine={{ showLeafIcon: false }}
        expandedKeys={q.trim() ? [...matchedAncestors] : expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
        height={560}
        virtual
      />
    </div>
  );
}
