// The four filters of the activity list (street, station, topic, date) as four large buttons; each opens a sheet
// from the bottom with big choices. The chosen filters show underneath as chips that remove themselves when tapped.
import { useState } from 'react';
import { Button, Input, Popup, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { activityTopics } from '../../../common/activity-topics';
import type { StationChoice } from '../../api/mobile-volunteer';
import { DATE_PRESETS, type Filters } from './activity-filters';
import { localDate } from './activity-format';

type Sheet = 'street' | 'station' | 'topic' | 'date';
export type Street = { code: string; name: string };

/** The streets (institutes) behind the stations: a station's code is its institute's code plus three digits. */
export function streetsOf(stations: StationChoice[]): Street[] {
  const byCode = new Map<string, string>();
  for (const s of stations) if (s.code.length === 12 && !byCode.has(s.code.slice(0, 9))) byCode.set(s.code.slice(0, 9), shortStreet(s.instituteName));
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

/** "永中街道新时代文明实践所" → "永中街道": the long common suffix adds nothing on a button or chip. */
export const shortStreet = (name: string) => name.replace(/新时代文明实践所$/, '') || name;

/** "永中街道永昌社区新时代文明实践站" → "永昌社区" (its street is shown next to it). */
export function shortStation(s: Pick<StationChoice, 'name' | 'instituteName'>): string {
  const street = shortStreet(s.instituteName);
  const name = s.name.replace(/新时代文明实践站$/, '') || s.name;
  return street && name.startsWith(street) && name !== street ? name.slice(street.length) : name;
}

export function FilterBar(props: { filters: Filters; stations: StationChoice[]; onChange: (f: Filters) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { filters: f, stations, onChange } = props;
  const [open, setOpen] = useState<Sheet | null>(null);
  const streets = streetsOf(stations);
  const streetName = (code: string) => streets.find((s) => s.code === code)?.name ?? code;
  const stationName = (code: string) => {
    const found = stations.find((s) => s.code === code);
    return found ? shortStation(found) : code;
  };
  const topicName = (key: string) => activityTopics.find((x) => x.key === key)?.[lang] ?? key;
  const dateName = (d: string) => ((DATE_PRESETS as readonly string[]).includes(d) ? t(`activities.dates.${d}`) : d);

  const set = (change: Partial<Filters>) => {
    setOpen(null);
    onChange({ ...f, ...change });
  };
  const values: Record<Sheet, string> = {
    street: f.street ? streetName(f.street) : t('activities.anyStreet'),
    station: f.station ? stationName(f.station) : t('activities.anyStation'),
    topic: f.topic ? topicName(f.topic) : t('activities.anyTopic'),
    date: f.date ? dateName(f.date) : t('activities.anyDate'),
  };
  const chips: { key: Sheet; name: string; clear: Partial<Filters> }[] = [];
  if (f.street) chips.push({ key: 'street', name: values.street, clear: { street: '', station: '' } });
  if (f.station) chips.push({ key: 'station', name: values.station, clear: { station: '' } });
  if (f.topic) chips.push({ key: 'topic', name: values.topic, clear: { topic: '' } });
  if (f.date) chips.push({ key: 'date', name: values.date, clear: { date: '' } });

  return (
    <section aria-label={t('activities.filters')}>
      <div className="wm-act-filters">
        {(['street', 'station', 'topic', 'date'] as const).map((key) => (
          <button
            key={key}
            type="button"
            className={`wm-act-filter${(key === 'station' ? f.station : key === 'street' ? f.street : f[key]) ? ' wm-act-filter-on' : ''}`}
            aria-haspopup="dialog"
            onClick={() => setOpen(key)}
          >
            <span className="wm-act-filter-label">{t(`activities.${key}`)}</span>
            <span className="wm-act-filter-value">{values[key]}</span>
          </button>
        ))}
      </div>
      {chips.length > 0 && (
        <div className="wm-act-chips">
          {chips.map((c) => (
            <button key={c.key} type="button" className="wm-act-chip" aria-label={t('activities.remove', { name: c.name })} onClick={() => onChange({ ...f, ...c.clear })}>
              {c.name} <span aria-hidden="true">✕</span>
            </button>
          ))}
          {chips.length > 1 && (
            <button type="button" className="wm-link-button" onClick={() => onChange({ street: '', station: '', topic: '', date: '' })}>
              {t('activities.clear')}
            </button>
          )}
        </div>
      )}

      <Popup visible={open !== null} onMaskClick={() => setOpen(null)} onClose={() => setOpen(null)} bodyClassName="wm-act-sheet" destroyOnClose>
        {open && (
          <div role="dialog" aria-modal="true" aria-label={t(`activities.${open}`)}>
            <div className="wm-act-sheet-head">
              <h2 className="wm-section-title">{t(`activities.${open}`)}</h2>
              <button type="button" className="wm-act-close" aria-label={t('back')} onClick={() => setOpen(null)} autoFocus>
                ✕
              </button>
            </div>
            {open === 'street' && (
              <Choices
                columns={2}
                value={f.street}
                options={[{ label: t('activities.anyStreet'), value: '' }, ...streets.map((s) => ({ label: s.name, value: s.code }))]}
                onPick={(street) => set({ street, station: f.station.startsWith(street) && street ? f.station : '' })}
              />
            )}
            {open === 'station' && <StationChoices street={f.street} value={f.station} stations={stations} onPick={(code) => set({ station: code, street: code ? code.slice(0, 9) : f.street })} />}
            {open === 'topic' && (
              <Choices
                columns={1}
                value={f.topic}
                options={[{ label: t('activities.anyTopic'), value: '' }, ...activityTopics.map((x) => ({ label: x[lang], value: x.key as string }))]}
                onPick={(topic) => set({ topic })}
              />
            )}
            {open === 'date' && (
              <>
                <Choices
                  columns={3}
                  value={f.date}
                  options={[{ label: t('activities.anyDate'), value: '' }, ...DATE_PRESETS.map((d) => ({ label: t(`activities.dates.${d}`), value: d as string }))]}
                  onPick={(date) => set({ date })}
                />
                <label className="wm-act-day">
                  <span>{t('activities.pickDay')}</span>
                  <input
                    type="date"
                    min={localDate(new Date())}
                    value={/^\d{4}-/.test(f.date) ? f.date : ''}
                    onChange={(e) => e.target.value && set({ date: e.target.value })}
                  />
                </label>
              </>
            )}
          </div>
        )}
      </Popup>
    </section>
  );
}

function Choices(props: { columns: 1 | 2 | 3; value: string; options: { label: string; value: string }[]; onPick: (v: string) => void }) {
  return (
    <Selector
      className="wm-act-choices"
      columns={props.columns}
      options={props.options}
      value={[props.value]}
      // Tapping the chosen one again keeps it (Selector would clear it), then closes the sheet.
      onChange={(v) => props.onPick(v.length ? v[0] : props.value)}
    />
  );
}

function StationChoices(props: { street: string; value: string; stations: StationChoice[]; onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = q.trim();
  const matches = props.stations.filter((s) => (!props.street || s.code.startsWith(props.street)) && (!query || s.name.includes(query) || s.instituteName.includes(query)));
  const shown = props.street || query ? matches.slice(0, 60) : [];
  return (
    <div className="wm-stack">
      <Input className="wm-input" placeholder={t('activities.stationSearch')} aria-label={t('activities.stationSearch')} value={q} onChange={setQ} clearable />
      <Button block size="large" color={props.value ? 'default' : 'primary'} fill="outline" onClick={() => props.onPick('')}>
        {t('activities.anyStation')}
      </Button>
      {!props.street && !query && <p className="wm-muted" style={{ margin: 0 }}>{t('activities.stationHint')}</p>}
      {(props.street || query) && shown.length === 0 && <p className="wm-muted" style={{ margin: 0 }}>{t('activities.noStations')}</p>}
      <div className="wm-station-list" style={{ marginTop: 0 }}>
        {shown.map((s) => (
          <button key={s.code} type="button" className={`wm-station${s.code === props.value ? ' wm-station-chosen' : ''}`} aria-pressed={s.code === props.value} onClick={() => props.onPick(s.code)}>
            <span className="wm-station-name">{shortStation(s)}</span>
            <span className="wm-station-meta">{s.name}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
