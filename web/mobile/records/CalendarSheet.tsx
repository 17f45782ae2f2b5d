// 订阅日历: the volunteer's personal calendar link (their confirmed activities), to copy into the phone's calendar
// app or open there directly (webcal:). "更换链接" makes a new one and stops the old one working — for a link
// shared by mistake — after a confirmation, since calendars subscribed with the old link stop updating.
import '../volunteer/antd-react19';
import { useEffect, useState } from 'react';
import { Button, Dialog, Popup, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { fetchMyCalendar, renewMyCalendar, type CalendarLink } from '../../api/mobile-records';
import { LoadFailed, Loading } from '../volunteer/page-states';
import { copyText } from './copy-text';
import './records.css';

export function CalendarSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Popup visible={open} onMaskClick={onClose} onClose={onClose} bodyClassName="wm-rec-sheet" destroyOnClose>
      {open && <CalendarBody onClose={onClose} />}
    </Popup>
  );
}

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ok'; link: CalendarLink };

function CalendarBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [renewing, setRenewing] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ kind: 'loading' });
    fetchMyCalendar(ctrl.signal)
      .then((link) => setState({ kind: 'ok', link }))
      .catch((err: unknown) => !ctrl.signal.aborted && setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => ctrl.abort();
  }, [attempt]);

  const copy = async (text: string) => {
    const ok = await copyText(text);
    Toast.show({ icon: ok ? 'success' : undefined, content: ok ? t('records.copied') : t('records.copyFailed'), duration: ok ? 2000 : 4000 });
  };

  const renew = async () => {
    const sure = await Dialog.confirm({
      title: t('records.calendar.renewTitle'),
      content: t('records.calendar.renewBody'),
      confirmText: t('records.calendar.renewConfirm'),
      cancelText: t('records.calendar.renewCancel'),
    });
    if (!sure) return;
    setRenewing(true);
    try {
      const link = await renewMyCalendar();
      setState({ kind: 'ok', link });
      Toast.show({ icon: 'success', content: t('records.calendar.renewed') });
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err), duration: 4000 });
    } finally {
      setRenewing(false);
    }
  };

  return (
    <section role="dialog" aria-modal="true" aria-labelledby="cal-title" className="wm-rec-sheet-body" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="wm-rec-sheet-head">
        <h2 id="cal-title" className="wm-section-title">
          {t('records.calendar.title')}
        </h2>
        <button type="button" className="wm-rec-close" aria-label={t('records.calendar.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="wm-rec-sheet-intro">{t('records.calendar.intro')}</p>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && <LoadFailed message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.kind === 'ok' && (
        <>
          <label className="wm-field-label" htmlFor="cal-url">
            {t('records.calendar.link')}
          </label>
          <textarea id="cal-url" className="wm-cal-url" readOnly rows={3} value={state.link.webcalUrl} onFocus={(e) => e.currentTarget.select()} />
          <ol className="wm-rec-steps">
            <li>{t('records.calendar.step1')}</li>
            <li>{t('records.calendar.step2')}</li>
          </ol>
          <div className="wm-form-actions">
            <Button block color="primary" size="large" onClick={() => void copy(state.link.webcalUrl)}>
              {t('records.copyLink')}
            </Button>
            <a className="wm-rec-link" href={state.link.webcalUrl}>
              {t('records.calendar.open')}
            </a>
            <Button block size="large" fill="none" className="wm-danger-link" loading={renewing} onClick={() => void renew()}>
              {t('records.calendar.renew')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
