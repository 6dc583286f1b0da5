import { useEffect, useRef } from 'react';
import { Button, Image, Spin, Tooltip, Typography, Upload } from 'antd';
import { CameraOutlined, CloseOutlined, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { sendRaw } from '../lib/send-raw';

/** One file to POST /api/attachments; the record it belongs to takes the id when the form is sent. */
export const uploadAttachment = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return sendRaw<{ id: string; filename: string; mime: string; size: number }>('/api/attachments', {
    body: form,
  });
};

/** A photo in a form: previewed from the local file at once, its id known when the upload finished. */
export interface PhotoItem {
  uid: string;
  name: string;
  preview: string;
  id?: string;
  status: 'uploading' | 'done' | 'error';
  error?: string;
}

interface Props {
  value?: PhotoItem[];
  onChange?: (next: PhotoItem[]) => void;
  /** On a phone: open the back camera directly (`capture="environment"`). */
  camera?: boolean;
  max?: number;
  'data-testid'?: string;
  id?: string;
}

const TILE = 88;

export const photoIds = (items: PhotoItem[] | undefined) =>
  (items ?? []).filter((p) => p.status === 'done' && p.id).map((p) => p.id!);
export const photosUploading = (items: PhotoItem[] | undefined) =>
  (items ?? []).some((p) => p.status === 'uploading');

/**
 * The form rule of a field that needs at least one photo: one uploaded, or one still uploading (the submit
 * waits for it). Used by the workflow dialog for a required attachments field and by pages whose category
 * asks for photos.
 */
export const photosRequiredRule = (message: string) => ({
  validator: (_: unknown, v: PhotoItem[] | undefined) =>
    photoIds(v).length > 0 || photosUploading(v) ? Promise.resolve() : Promise.reject(new Error(message)),
});

/**
 * Photos are uploaded as soon as they are picked (POST /api/attachments), so the form submits only their ids.
 * The list is kept in a ref as well: several uploads finish in any order and each must see the latest list.
 */
export function PhotoUploader({ value, onChange, camera = false, max = 9, id, ...rest }: Props) {
  const { t } = useTranslation();
  const items = value ?? [];
  const latest = useRef(items);
  latest.current = items;
  const urls = useRef(new Set<string>());

  useEffect(() => {
    const owned = urls.current;
    return () => {
      for (const url of owned) URL.revokeObjectURL(url);
    };
  }, []);

  const update = (uid: string, patch: Partial<PhotoItem>) => {
    const next = latest.current.map((p) => (p.uid === uid ? { ...p, ...patch } : p));
    latest.current = next;
    onChange?.(next);
  };

  const add = (file: File) => {
    const preview = URL.createObjectURL(file);
    urls.current.add(preview);
    const uid = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const next = [...latest.current, { uid, name: file.name, preview, status: 'uploading' as const }];
    latest.current = next;
    onChange?.(next);
    uploadAttachment(file).then(
      (saved) => update(uid, { id: saved.id, status: 'done' }),
      (error: unknown) => update(uid, { status: 'error', error: errorMessage(t, error) }),
    );
  };

  const remove = (uid: string) => {
    const gone = latest.current.find((p) => p.uid === uid);
    if (gone) {
      URL.revokeObjectURL(gone.preview);
      urls.current.delete(gone.preview);
    }
    const next = latest.current.filter((p) => p.uid !== uid);
    latest.current = next;
    onChange?.(next);
  };

  return (
    <div data-testid={rest['data-testid']} id={id}>
      <Image.PreviewGroup>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {items.map((p) => (
            <div
              key={p.uid}
              data-testid="photo-item"
              data-status={p.status}
              style={{
                position: 'relative',
                width: TILE,
                height: TILE,
                borderRadius: 6,
                overflow: 'hidden',
                border: `1px solid ${p.status === 'error' ? '#ff4d4f' : '#d9d9d9'}`,
                background: '#fafafa',
              }}
            >
              <Image
                src={p.preview}
                alt={p.name}
                width={TILE}
                height={TILE}
                style={{ objectFit: 'cover' }}
                preview={p.status === 'done'}
              />
              {p.status === 'uploading' && (
                <div style={overlay}>
                  <Spin size="small" />
                  <span style={{ fontSize: 12 }}>{t('kit.photo.uploading')}</span>
                </div>
              )}
              {p.status === 'error' && (
                <Tooltip title={p.error}>
                  <div style={{ ...overlay, color: '#ff4d4f' }}>
                    <ExclamationCircleOutlined />
                    <span style={{ fontSize: 12 }}>{t('kit.photo.failed')}</span>
                  </div>
                </Tooltip>
              )}
              <Button
                size="small"
                shape="circle"
                icon={<CloseOutlined />}
                aria-label={t('kit.photo.remove')}
                onClick={() => remove(p.uid)}
                data-testid="photo-remove"
                style={{ position: 'absolute', top: 2, right: 2, zIndex: 2 }}
              />
            </div>
          ))}
          {items.length < max && (
            <Upload
              accept="image/*"
              capture={camera ? 'environment' : undefined}
              multiple={!camera}
              showUploadList={false}
              beforeUpload={(file) => {
                add(file);
                return false;
              }}
            >
              <button
                type="button"
                data-testid="photo-add"
                style={{
                  width: TILE,
                  height: TILE,
                  border: '1px dashed #d9d9d9',
                  borderRadius: 6,
                  background: '#fafafa',
                  cursor: 'pointer',
                  display: 'flex',
                  flexDirection: 'column',
                  alignItems: 'center',
                  justifyContent: 'center',
                  gap: 6,
                  color: 'rgba(0,0,0,0.65)',
                }}
              >
                {camera ? <CameraOutlined style={{ fontSize: 20 }} /> : <PlusOutlined />}
                <span style={{ fontSize: 12 }}>{camera ? t('kit.photo.camera') : t('kit.photo.add')}</span>
              </button>
            </Upload>
          )}
        </div>
      </Image.PreviewGroup>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
        {t('kit.photo.hint')}
      </Typography.Text>
    </div>
  );
}

const overlay = {
  position: 'absolute',
  inset: 0,
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  justifyContent: 'center',
  gap: 4,
  background: 'rgba(255,255,255,0.8)',
} as const;
