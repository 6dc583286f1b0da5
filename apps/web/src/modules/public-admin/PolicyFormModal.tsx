import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Switch, Upload } from 'antd';
import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';
import type { PolicyCategory } from '../portal/portal-api';
import { adminApi } from './admin-api';

interface Values {
  categoryId: string;
  title: string;
  issuer: string;
  docNumber?: string;
  issuedOn: Dayjs;
  body?: string;
  published: boolean;
}
const FIELDS = [
  'categoryId',
  'title',
  'issuer',
  'docNumber',
  'issuedOn',
  'body',
  'attachmentId',
  'published',
];

export function PolicyFormModal({
  id,
  open,
  categories,
  onClose,
  onSaved,
}: {
  id: string | null;
  open: boolean;
  categories: PolicyCategory[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const a = 'publicSide.admin.policies';
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState<number | null>(null);
  const [file, setFile] = useState<{ id: string; name: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    setFile(null);
    setVersion(null);
    if (!id) {
      form.setFieldsValue({ issuedOn: dayjs(), published: true });
      return;
    }
    adminApi.policy(id).then(
      (d) => {
        setVersion(d.version);
        setFile(d.attachmentId ? { id: d.attachmentId, name: d.fileName ?? 'PDF' } : null);
        form.setFieldsValue({
          categoryId: d.categoryId,
          title: d.title,
          issuer: d.issuer,
          docNumber: d.docNumber ?? undefined,
          issuedOn: dayjs(d.issuedOn),
          body: d.body,
          published: d.published,
        });
      },
      (e: unknown) => setError(errorMessage(t, e)),
    );
  }, [open, id, form, t]);

  const save = async (v: Values) => {
    if (!v.body?.trim() && !file) {
      form.setFields([{ name: 'body', errors: [t(`${a}.bodyOrPdf`)] }]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await adminApi.savePolicy(id, {
        categoryId: v.categoryId,
        title: v.title,
        issuer: v.issuer,
        docNumber: v.docNumber,
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        body: v.body ?? '',
        attachmentId: file?.id ?? null,
        published: v.published,
        ...(id ? { version } : {}),
      });
      onSaved();
    } catch (e) {
      if (!applyFieldErrors(form, FIELDS, e)) setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  const need = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { field: label }) },
  ];

  return (
    <Modal
      open={open}
      width={720}
      title={t(id ? `${a}.edit` : `${a}.create`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={busy}
      okButtonProps={{ disabled: uploading || (!!id && version === null) }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="title" label={t(`${a}.titleField`)} rules={need(t(`${a}.titleField`))}>
          <Input maxLength={200} data-testid="policy-title" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} size={12}>
          <Form.Item
            name="categoryId"
            label={t(`${a}.category`)}
            rules={[{ required: true, message: t('common.required', { field: t(`${a}.category`) }) }]}
          >
            <Select
              style={{ width: 180 }}
              options={categories.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="policy-category"
            />
          </Form.Item>
          <Form.Item name="issuer" label={t(`${a}.issuer`)} rules={need(t(`${a}.issuer`))}>
            <Input maxLength={120} style={{ width: 200 }} data-testid="policy-issuer" />
          </Form.Item>
          <Form.Item name="docNumber" label={t(`${a}.docNumber`)}>
            <Input maxLength={80} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t(`${a}.issuedOn`)} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="published" label={t(`${a}.published`)} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="body" label={t(`${a}.body`)}>
          <Input.TextArea rows={8} data-testid="policy-body" />
        </Form.Item>
        <Form.Item label={t(`${a}.pdf`)}>
          {file ? (
            <Space>
              <FilePdfOutlined style={{ color: '#cf1322' }} />
              {file.name}
              <Button size="small" icon={<DeleteOutlined />} onClick={() => setFile(null)}>
                {t(`${a}.removePdf`)}
              </Button>
            </Space>
          ) : (
            <Upload
              accept="application/pdf"
              showUploadList={false}
              beforeUpload={(f) => {
                setUploading(true);
                adminApi
                  .uploadPdf(f)
                  .then(
                    (r) => setFile({ id: r.id, name: r.filename }),
                    (e: unknown) => setError(errorMessage(t, e)),
                  )
                  .finally(() => setUploading(false));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                {t(`${a}.uploadPdf`)}
              </Button>
            </Upload>
          )}
        </Form.Item>
        {error && <Alert type="error" message={error} showIcon />}
      </Form>
    </Modal>
  );
}
