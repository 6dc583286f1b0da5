import { useEffect, useRef } from 'react';
import { Button, Spin } from 'antd';
import { CameraOutlined, CloseOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { portalApi } from './portal-api';

export interface Photo {
  uid: string;
  preview: string;
  id?: string;
  status: 'uploading' | 'done' | 'error';
  error?: string;
}

const TILE = 96;

/** Photos upload as soon as they are picked; the preview is the local file, so it shows at once. */
export function PhotoPicker({
  value,
  onChange,
  max = 6,
}: {
  value: Photo[];
  onChange: (p: Photo[]) => void;
  max?: number;
}) {
  const { t } = useTranslation();
  const latest = useRef(value);
  latest.current = value;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => () => latest.current.forEach((p) => URL.revokeObjectURL(p.preview)), []);

  const set = (next: Photo[]) => {
    latest.current = next;
    onChange(next);
  };
  const update = (uid: string, patch: Partial<Photo>) =>
    set(latest.current.map((p) => (p.uid === uid ? { ...p, ...patch } : p)));
  const add = (files: FileList | null) => {
    for (const file of Array.from(files ?? []).slice(0, max - latest.current.length)) {
      const uid = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      set([...latest.current, { uid, preview: URL.createObjectURL(file), status: 'uploading' }]);
      portalApi.upload(file).then(
        (r) => update(uid, { id: r.id, status: 'done' }),
        (e: unknown) => update(uid, { status: 'error', error: errorMessage(t, e) }),
      );
    }
    if (input.current) input.current.value = '';
  };
  const r = 'publicSide.portal.report';
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="portal-photos">
      {value.map((p) => (
        <div
          key={p.uid}
          data-testid="portal-photo"
          data-status={p.status}
          title={p.error}
          style={{
            position: 'relative',
            width: TILE,
            height: TILE,
            borderRadius: 8,
            overflow: 'hidden',
            border: `1px solid ${p.status === 'error' ? '#ff4d4f' : '#d9d9d9'}`,
          }}
        >
          <img src={p.preview} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
          {p.status !== 'done' && (
            <div
              style={{
                position: 'absolute',
                inset: 0,
                display: 'grid',
                placeItems: 'center',
                background: 'rgba(255,255,255,.75)',
                fontSize: 12,
                color: p.status === 'error' ? '#ff4d4f' : undefined,
                textAlign: 'center',
              }}
            >
              {p.status === 'uploading' ? <Spin size="small" /> : <ExclamationCircleOutlined />}
              {p.status === 'uploading' ? t(`${r}.photoUploading`) : (p.error ?? t(`${r}.photoFailed`))}
            </div>
          )}
          <Button
            size="small"
            shape="circle"
            icon={<CloseOutlined />}
            aria-label={t(`${r}.removePhoto`)}
            onClick={() => {
              URL.revokeObjectURL(p.preview);
              set(latest.current.filter((x) => x.uid !== p.uid));
            }}
            style={{ position: 'absolute', top: 2, right: 2 }}
          />
        </div>
      ))}
      {value.length < max && (
        <label
          style={{
            width: TILE,
            height: TILE,
            border: '1px dashed #bfbfbf',
            borderRadius: 8,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 4,
            cursor: 'pointer',
            background: '#fafafa',
            fontSize: 12,
          }}
        >
          <CameraOutlined style={{ fontSize: 24 }} />
          {t(`${r}.addPhoto`)}
          <input
            ref={input}
            type="file"
            accept="image/*"
            multiple
            style={{ display: 'none' }}
            data-testid="portal-photo-input"
            onChange={(e) => add(e.target.files)}
          />
        </label>
      )}
    </div>
  );
}
