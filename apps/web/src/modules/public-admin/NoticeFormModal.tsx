import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';
import { adminApi, NOTICE_TYPES, type NoticeType, type StaffNotice } from './admin-api';

interface Values {
  type: NoticeType;
  title: string;
  body?: string;
  who?: string;
  place?: string;
  phone?: string;
  hours?: string;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  publishAt: Dayjs;
  unpublishAt?: Dayjs | null;
}

const FIELDS = [
  'type',
  'title',
  'body',
  'who',
  'place',
  'phone',
  'hours',
  'startsAt',
  'endsAt',
  'publishAt',
  'unpublishAt',
];
// Which fields each type shows and needs; the API checks the same (notice-service REQUIRED).
const SHOWN: Record<NoticeType, { field: keyof Values; required: boolean }[]> = {
  leader_reception: [
    { field: 'who', required: true },
    { field: 'startsAt', required: true },
    { field: 'endsAt', required: false },
    { field: 'place', required: true },
    { field: 'body', required: false },
  ],
  station_duty: [
    { field: 'who', required: true },
    { field: 'startsAt', required: true },
    { field: 'endsAt', required: false },
    { field: 'place', required: true },
    { field: 'body', required: false },
  ],
  service_directory: [
    { field: 'place', required: true },
    { field: 'phone', required: true },
    { field: 'hours', required: false },
    { field: 'body', required: false },
  ],
  announcement: [{ field: 'body', required: true }],
};

export function NoticeFormModal({
  notice,
  open,
  onClose,
  onSaved,
}: {
  notice: StaffNotice | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const a = 'publicSide.admin.notices';
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const type = Form.useWatch('type', form) ?? notice?.type ?? 'announcement';

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      notice
        ? {
            ...notice,
            body: notice.body || undefined,
            who: notice.who ?? undefined,
            place: notice.place ?? undefined,
            phone: notice.phone ?? undefined,
            hours: notice.hours ?? undefined,
            startsAt: notice.startsAt ? dayjs(notice.startsAt) : null,
            endsAt: notice.endsAt ? dayjs(notice.endsAt) : null,
            publishAt: dayjs(notice.publishAt),
            unpublishAt: notice.unpublishAt ? dayjs(notice.unpublishAt) : null,
          }
        : { type: 'announcement', publishAt: dayjs() },
    );
  }, [open, notice, form]);

  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    const iso = (d?: Dayjs | null) => (d ? d.toISOString() : null);
    try {
      await adminApi.saveNotice(notice?.id ?? null, {
        type: v.type,
        title: v.title,
        body: v.body ?? '',
        who: v.who,
        place: v.place,
        phone: v.phone,
        hours: v.hours,
        startsAt: iso(v.startsAt),
        endsAt: iso(v.endsAt),
        publishAt: v.publishAt.toISOString(),
        unpublishAt: iso(v.unpublishAt),
        ...(notice ? { version: notice.version } : {}),
      });
      onSaved();
    } catch (e) {
      if (!applyFieldErrors(form, FIELDS, e)) setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  const shown = SHOWN[type];
  const has = (f: keyof Values) => shown.find((s) => s.field === f);
  const req = (f: keyof Values, label: string) =>
    has(f)?.required ? [{ required: true, message: t('common.required', { field: label }) }] : [];
  const dt = (f: 'startsAt' | 'endsAt' | 'publishAt' | 'unpublishAt', label: string, required = false) => (
    <Form.Item
      name={f}
      label={label}
      rules={required ? [{ required: true, message: t('common.required', { field: label }) }] : req(f, label)}
    >
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        style={{ width: '100%' }}
        data-testid={`notice-${f}`}
      />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t(notice ? `${a}.edit` : `${a}.create`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'notice-save' } as Record<`data-${string}`, string>}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="type" label={t(`${a}.type`)} rules={[{ required: true }]}>
          <Select
            options={NOTICE_TYPES.map((v) => ({ value: v, label: t(`publicSide.noticeType.${v}`) }))}
            data-testid="notice-type"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t(`${a}.titleField`)}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t(`${a}.titleField`) }),
            },
          ]}
        >
          <Input maxLength={120} data-testid="notice-title" />
        </Form.Item>
        {has('who') && (
          <Form.Item
            name="who"
            label={t(`${a}.who`)}
            extra={t(`${a}.whoHint`)}
            rules={req('who', t(`${a}.who`))}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        {has('startsAt') && dt('startsAt', t(`${a}.startsAt`))}
        {has('endsAt') && dt('endsAt', t(`${a}.endsAt`))}
        {has('place') && (
          <Form.Item name="place" label={t(`${a}.place`)} rules={req('place', t(`${a}.place`))}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {has('phone') && (
          <Form.Item name="phone" label={t(`${a}.phone`)} rules={req('phone', t(`${a}.phone`))}>
            <Input maxLength={60} />
          </Form.Item>
        )}
        {has('hours') && (
          <Form.Item name="hours" label={t(`${a}.hours`)}>
            <Input maxLength={120} />
          </Form.Item>
        )}
        {has('body') && (
          <Form.Item name="body" label={t(`${a}.body`)} rules={req('body', t(`${a}.body`))}>
            <Input.TextArea rows={4} maxLength={5000} data-testid="notice-body" />
          </Form.Item>
        )}
        {dt('publishAt', t(`${a}.publishAt`), true)}
        {dt('unpublishAt', t(`${a}.unpublishAt`))}
        {error && <Alert type="error" message={error} showIcon />}
      </Form>
    </Modal>
  );
}
