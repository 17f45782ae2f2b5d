// The coverage grid: one row per institute (then its stations), one column per ISO week, then one per month.
// Empty weeks are red; a cell opens that unit's week. A plain table: 130 rows × 53 weeks stays light this way.
import { useTranslation } from 'react-i18next';
import type { CoverageReport, CoverageRow } from '../../api/coverage';

type Props = { report: CoverageReport; onOpen: (row: CoverageRow, weekIndex: number) => void };

const GAP_BG = '#ff4d4f';
const COVERED_BG = '#f6ffed';

export function CoverageGrid({ report, onOpen }: Props) {
  const { t } = useTranslation();
  // Months over the weeks: a week belongs to the month of its Monday.
  const bands: { month: string; span: number }[] = [];
  for (const w of report.weeks) {
    const m = w.start.slice(0, 7);
    const last = bands[bands.length - 1];
    if (last && last.month === m) last.span += 1;
    else bands.push({ month: m, span: 1 });
  }
  const themeOf = new Map(report.months.map((m) => [m.month, m.theme]));
  const th: React.CSSProperties = { position: 'sticky', top: 0, background: '#fafafa', fontWeight: 500, padding: '2px 4px', border: '1px solid #f0f0f0', whiteSpace: 'nowrap' };
  const first: React.CSSProperties = { position: 'sticky', left: 0, background: '#fff', zIndex: 1, padding: '2px 8px', border: '1px solid #f0f0f0', whiteSpace: 'nowrap', textAlign: 'left' };

  return (
    <div style={{ overflow: 'auto', maxHeight: '70vh' }}>
      <table data-testid="coverage-grid" style={{ borderCollapse: 'collapse', fontSize: 12 }}>
        <thead>
          <tr>
            <th rowSpan={2} style={{ ...th, ...first, zIndex: 3 }}>
              {t('coverage.unitColumn')}
            </th>
            {bands.map((b) => (
              <th key={b.month} colSpan={b.span} style={th} title={themeOf.get(b.month)?.title ?? t('coverage.noTheme')}>
                {b.month}
              </th>
            ))}
            <th colSpan={report.months.length} style={th}>
              {t('coverage.monthRow')}
            </th>
          </tr>
          <tr>
            {report.weeks.map((w) => (
              <th key={w.key} style={{ ...th, top: 22, color: w.key === report.currentWeek ? '#1677ff' : undefined }} title={`${w.start} – ${w.end}`}>
                {w.key === report.currentWeek ? t('coverage.thisWeek') : w.key.slice(5)}
                <div style={{ fontWeight: 400, color: '#8c8c8c' }}>{w.start.slice(5)}</div>
              </th>
            ))}
            {report.months.map((m) => (
              <th key={m.month} style={{ ...th, top: 22, maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis' }} title={m.theme?.title ?? t('coverage.noTheme')}>
                {m.month.slice(5)}
                <div style={{ fontWeight: 400, color: '#8c8c8c' }}>{m.theme ? m.theme.title.slice(0, 8) : t('coverage.noTheme')}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <UnitRow key={row.unit.id} row={row} report={report} first={first} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UnitRow({ row, report, first, onOpen }: { row: CoverageRow; report: CoverageReport; first: React.CSSProperties; onOpen: Props['onOpen'] }) {
  const { t } = useTranslation();
  const institute = row.unit.level === 'institute';
  const cell: React.CSSProperties = { border: '1px solid #f0f0f0', padding: 0, textAlign: 'center', minWidth: 40 };
  return (
    <tr>
      <th scope="row" style={{ ...first, fontWeight: institute ? 600 : 400, paddingLeft: institute ? 8 : 24 }}>
        {row.unit.name}
      </th>
      {report.weeks.map((w, i) => {
        const own = row.weekCounts[i];
        const gap = own === 0;
        const label = gap ? t('coverage.gapCell', { unit: row.unit.name, week: w.key }) : t('coverage.countCell', { unit: row.unit.name, week: w.key, count: own });
        const detail = institute
          ? `${t('coverage.ownCount', { own, total: row.weekTotals[i] })}; ${t('coverage.stationGaps', { n: row.stationWeekGaps?.[i] ?? 0 })}`
          : undefined;
        return (
          <td key={w.key} style={{ ...cell, background: gap ? GAP_BG : COVERED_BG }}>
            <button
              type="button"
              data-gap={gap ? 'true' : 'false'}
              aria-label={label}
              title={detail ?? label}
              onClick={() => onOpen(row, i)}
              style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%', padding: '4px 2px', color: gap ? '#fff' : '#1f1f1f' }}
            >
              {institute ? `${own}/${row.weekTotals[i]}` : own}
            </button>
          </td>
        );
      })}
      {report.months.map((m, i) => {
        const themed = row.monthThemed[i];
        const text = themed === null ? '—' : themed ? '✓' : '✗';
        const title = themed === null ? t('coverage.noTheme') : themed ? t('coverage.themed') : t('coverage.notThemed');
        const gaps = row.stationMonthGaps?.[i];
        return (
          <td key={m.month} style={{ ...cell, color: themed === false ? '#cf1322' : themed ? '#389e0d' : '#8c8c8c' }} title={gaps ? `${title}; ${t('coverage.stationGaps', { n: gaps })}` : title}>
            {text}
          </td>
        );
      })}
    </tr>
  );
}
