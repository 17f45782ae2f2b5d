// The schematic map itself: one dot per site, coloured by its institute, a label at each street's centre.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../api/types';
import { fitProjection } from './map-projection';

export type Plotted = { site: Site & { lat: number; lng: number }; color: string; group: string };
type Props = {
  points: Plotted[];
  labels: { name: string; lat: number; lng: number; color: string }[];
  selectedId?: string;
  highlight?: string | null;
  onHover: (p: Plotted | null) => void;
  onSelect: (p: Plotted) => void;
};
const W = 900;
const H = 620;

export function SiteMap({ points, labels, selectedId, highlight, onHover, onSelect }: Props) {
  const { t } = useTranslation();
  const proj = useMemo(() => fitProjection(points.map((p) => p.site), W, H), [points]);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('map.label')} style={{ width: '100%', height: 'auto', maxHeight: 'calc(100vh - 190px)', background: '#f6f9fc', borderRadius: 8 }}>
      <defs>
        <pattern id="wm-grid" width="50" height="50" patternUnits="userSpaceOnUse">
          <path d="M 50 0 L 0 0 0 50" fill="none" stroke="#e8edf3" strokeWidth="1" />
        </pattern>
      </defs>
      <rect width={W} height={H} fill="url(#wm-grid)" />
      {points.map((p) => {
        const dim = highlight && highlight !== p.group;
        const selected = p.site.id === selectedId;
        return (
          <g
            key={p.site.id}
            className="wm-map-point"
            role="button"
            tabIndex={0}
            aria-label={`${p.site.name}，${p.site.unitName}`}
            aria-pressed={selected}
            transform={`translate(${proj.x(p.site).toFixed(1)} ${proj.y(p.site).toFixed(1)})`}
            opacity={dim ? 0.15 : 1}
            onMouseEnter={() => onHover(p)}
            onMouseLeave={() => onHover(null)}
            onFocus={() => onHover(p)}
            onBlur={() => onHover(null)}
            onClick={() => onSelect(p)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(p);
              }
            }}
          >
            {selected && <circle r={11} fill="none" stroke={p.color} strokeWidth={2} />}
            <circle r={p.site.status === 'open' ? 6 : 5} fill={p.site.status === 'open' ? p.color : '#fff'} stroke={p.color} strokeWidth={1.5} />
          </g>
        );
      })}
      {labels.map((l) => (
        <text key={l.name} x={proj.x(l)} y={proj.y(l) - 14} textAnchor="middle" fontSize="15" fontWeight={600} fill={l.color} stroke="#fff" strokeWidth={4} paintOrder="stroke" pointerEvents="none">
          {l.name}
        </text>
      ))}
    </svg>
  );
}
