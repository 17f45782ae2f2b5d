// Choosers shared by registration and profile editing: skills (from the configurable tag list), availability
// (days of the week and time slots) and the home station (search by name, or the nearest from the phone's location).
import { useEffect, useState } from 'react';
import { Button, DotLoading, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { searchStations, type Availability, type SkillTag, type StationChoice } from '../../api/mobile-volunteer';
import { ChoiceGroup, Field, errorMessage } from './form-parts';

export const ALL_SLOTS = ['morning', 'afternoon', 'evening'];
const DAYS = [1, 2, 3, 4, 5, 6, 7];

export function SkillsPicker(props: { tags: SkillTag[]; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  // A skill the person already has stays visible even if its tag was retired, so saving does not drop it silently.
  const names = new Set(props.tags.map((s) => s.name));
  const extra = props.value.filter((v) => !names.has(v)).map((name) => ({ id: name, name, category: '' }));
  const groups = new Map<string, SkillTag[]>();
  for (const tag of [...props.tags, ...extra]) groups.set(tag.category, [...(groups.get(tag.category) ?? []), tag]);
  return (
    <ChoiceGroup id="skills" label={t('volunteer.form.skills')} hint={t('volunteer.form.skillsHint')} error={props.error} optional>
      {[...groups].map(([category, tags]) => (
        <div key={category || '-'} className="wm-choice-block">
          {category && <div className="wm-choice-caption">{category === 'skill' || category === 'specialty' ? t(`volunteer.skillCategory.${category}`) : category}</div>}
          <Selector
            multiple
            showCheckMark
            columns={2}
            options={tags.map((tag) => ({ label: tag.name, value: tag.name }))}
            value={props.value.filter((v) => tags.some((tag) => tag.name === v))}
            onChange={(picked) => {
              const others = props.value.filter((v) => !tags.some((tag) => tag.name === v));
              props.onChange([...others, ...picked]);
            }}
          />
        </div>
      ))}
    </ChoiceGroup>
  );
}

export function AvailabilityPicker(props: { slots: string[]; value: Availability; onChange: (v: Availability) => void; error?: string }) {
  const { t } = useTranslation();
  const slots = props.slots.length ? props.slots : ALL_SLOTS;
  return (
    <ChoiceGroup id="availability" label={t('volunteer.form.availability')} hint={t('volunteer.form.availabilityHint')} error={props.error} optional>
      <div className="wm-choice-caption">{t('volunteer.form.days')}</div>
      <Selector
        multiple
        columns={4}
        options={DAYS.map((d) => ({ label: t(`volunteer.day.${d}`), value: d }))}
        value={props.value.days}
        onChange={(days) => props.onChange({ ...props.value, days: [...days].sort((a, b) => a - b) })}
      />
      <div className="wm-choice-caption">{t('volunteer.form.slots')}</div>
      <Selector
        multiple
        columns={3}
        options={slots.map((s) => ({ label: slotLabel(t, s), value: s }))}
        value={props.value.slots}
        onChange={(picked) => props.onChange({ ...props.value, slots: slots.filter((s) => picked.includes(s)) })}
      />
    </ChoiceGroup>
  );
}

export function slotLabel(t: (k: string) => string, slot: string): string {
  return ALL_SLOTS.includes(slot) ? t(`volunteer.slot.${slot}`) : slot;
}

/** "周一、周三 · 上午、晚上", or "未填写". */
export function availabilityText(t: (k: string) => string, a: Availability | null | undefined): string {
  if (!a || (!a.days.length && !a.slots.length)) return t('volunteer.me.notSet');
  const sep = t('volunteer.listSeparator');
  const days = a.days.map((d) => t(`volunteer.day.${d}`)).join(sep);
  const slots = a.slots.map((s) => slotLabel(t, s)).join(sep);
  return [days, slots].filter(Boolean).join(' · ');
}

export type PickedStation = Pick<StationChoice, 'id' | 'name' | 'instituteName'>;

export function StationPicker(props: { value: PickedStation | null; onChange: (s: PickedStation) => void; error?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [near, setNear] = useState<{ lat: number; lng: number } | null>(null);
  const [items, setItems] = useState<StationChoice[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      const query = near && !q.trim() ? { lat: near.lat, lng: near.lng, limit: 5 } : { q: q.trim() || undefined, limit: 8 };
      searchStations(query, ctrl.signal)
        .then((r) => {
          setItems(r.items);
          setProblem(null);
        })
        .catch((err: unknown) => {
          if (!ctrl.signal.aborted) setProblem(errorMessage(err));
        })
        .finally(() => !ctrl.signal.aborted && setBusy(false));
    }, 300);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, near]);

  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem(t('volunteer.station.noLocation'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setQ('');
        setNear({ lat: pos.coords.latitude, lng: pos.coords.longitude });
      },
      () => {
        setLocating(false);
        setProblem(t('volunteer.station.noLocation'));
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };

  return (
    <Field id="station-search" label={t('volunteer.form.station')} hint={t('volunteer.form.stationHint')} error={props.error}>
      {props.value && (
        <div className="wm-picked" aria-live="polite">
          <span className="wm-picked-label">{t('volunteer.station.picked')}</span>
          <strong>{props.value.name}</strong>
          {props.value.instituteName && <span className="wm-muted"> · {props.value.instituteName}</span>}
        </div>
      )}
      <Input
        id="station-search"
        className="wm-input"
        placeholder={t('volunteer.station.searchPlaceholder')}
        value={q}
        onChange={(v) => {
          setQ(v);
          if (v) setNear(null);
        }}
        clearable
        enterKeyHint="search"
      />
      <Button className="wm-secondary-button" block fill="outline" loading={locating} onClick={locate}>
        {t('volunteer.station.useLocation')}
      </Button>
      {problem && <div className="wm-field-hint wm-warn">{problem}</div>}
      <div className="wm-station-list" aria-busy={busy}>
        {near && !q && <div className="wm-choice-caption">{t('volunteer.station.nearest')}</div>}
        {busy && !items && <DotLoading color="primary" />}
        {items?.length === 0 && <div className="wm-field-hint">{t('volunteer.station.none')}</div>}
        {items?.map((s) => {
          const chosen = props.value?.id === s.id;
          return (
            <button
              type="button"
              key={s.id}
              className={`wm-station${chosen ? ' wm-station-chosen' : ''}`}
              aria-pressed={chosen}
              onClick={() => props.onChange({ id: s.id, name: s.name, instituteName: s.instituteName })}
            >
              <span className="wm-station-name">{s.name}</span>
              <span className="wm-station-meta">
                {s.instituteName}
                {s.distanceKm != null && ` · ${t('volunteer.station.distance', { km: s.distanceKm.toFixed(1) })}`}
              </span>
            </button>
          );
        })}
      </div>
    </Field>
  );
}
