// "申请更正" on one service record: the real start and end times (Shanghai wall-clock, the phone's own date-time
// picker) and why. The organizer decides; until then the record stays as it was. A refusal (the record is on an
// issued certificate, overlaps another, too long for a day) is shown in the server's own words.
import '../volunteer/antd-react19';
import { useState } from 'react';
import { Button, Popup, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { requestMyCorrection, type MyHourRecord } from '../../api/mobile-records';
import { Field, fieldErrorsOf, type FieldErrors } from '../volunteer/form-parts';
import { durationText, fromLocalInput, spanText, toLocalInput } from './record-format';

export const REASON_MAX = 200;

export function CorrectionSheet(props: { record: MyHourRecord | null; onClose: () => void; onDone: (refused: boolean) => void }) {
  return (
    <Popup visible={props.record !== null} onMaskClick={props.onClose} onClose={props.onClose} bodyClassName="wm-rec-sheet" destroyOnClose>
      {props.record && <CorrectionForm {...props} record={props.record} />}
    </Popup>
  );
}

function CorrectionForm({ record, onClose, onDone }: { record: MyHourRecord; onClose: () => void; onDone: (refused: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const [start, setStart] = useState(() => toLocalInput(record.startedAt));
  const [end, setEnd] = useState(() => toLocalInput(record.endedAt));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const startedAt = fromLocalInput(start);
    const endedAt = fromLocalInput(end);
    const problems: FieldErrors = {};
    if (!startedAt) problems.startedAt = t('records.correction.startRequired');
    if (!endedAt) problems.endedAt = t('records.correction.endRequired');
    else if (startedAt && endedAt <= startedAt) problems.endedAt = t('records.correction.endAfterStart');
    if (!reason.trim()) problems.reason = t('records.correction.reasonRequired');
    setErrors(problems);
    setRefusal(null);
    if (Object.keys(problems).length || !startedAt || !endedAt) return;
    setBusy(true);
    try {
      await requestMyCorrection(record.id, { startedAt, endedAt, reason: reason.trim() });
      Toast.show({ icon: 'success', content: t('records.correction.sent') });
      onDone(false);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setRefusal(err instanceof Error ? err.message : String(err));
      // A record frozen meanwhile (a certificate was issued) should show so on the list behind the sheet.
      if (err instanceof ApiError && err.code === 'record_frozen') onDone(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section role="dialog" aria-modal="true" aria-labelledby="corr-title" className="wm-rec-sheet-body" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="wm-rec-sheet-head">
        <h2 id="corr-title" className="wm-section-title">
          {t('records.correction.title')}
        </h2>
        <button type="button" className="wm-rec-close" aria-label={t('records.correction.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="wm-rec-sheet-intro">{t('records.correction.intro')}</p>
      <div className="wm-rec-current">
        <strong>{record.activityTitle}</strong>
        <div>{t('records.correction.current', { span: spanText(record.startedAt, record.endedAt, i18n.language), duration: durationText(t, record.minutes) })}</div>
      </div>
      <Field id="corr-start" label={t('records.correction.startedAt')} error={errors.startedAt}>
        <input id="corr-start" className="wm-rec-datetime" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
      </Field>
      <Field id="corr-end" label={t('records.correction.endedAt')} error={errors.endedAt}>
        <input id="corr-end" className="wm-rec-datetime" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
      </Field>
      <Field id="corr-reason" label={t('records.correction.reason')} error={errors.reason}>
        <TextArea
          id="corr-reason"
          className="wm-rec-textarea"
          placeholder={t('records.correction.reasonPlaceholder')}
          value={reason}
          onChange={setReason}
          maxLength={REASON_MAX}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      </Field>
      {refusal && (
        <p className="wm-alert" role="alert">
          {refusal}
        </p>
      )}
      <div className="wm-form-actions">
        <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
          {t('records.correction.submit')}
        </Button>
        <Button block size="large" onClick={onClose}>
          {t('records.correction.cancel')}
        </Button>
      </div>
    </section>
  );
}
