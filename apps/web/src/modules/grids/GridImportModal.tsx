import { useState } from 'react';
import { Alert, Button, Modal, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { orgKeys } from '../orgs/org-api';
import { reasonText } from './boundary-reasons';
import { gridKeys, gridApi, type ImportProblem } from './grid-api';

class NotJson extends Error {}

/**
 * Upload of a GeoJSON FeatureCollection (code, name, parentCode per feature). All or nothing: a refused file
 * lists every bad feature — index in the file, code, reasons — and nothing was changed.
 */
export function GridImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: async (file: File) => {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        throw new NotJson();
      }
      return gridApi.importGrids(body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });

  const problems: ImportProblem[] =
    isApiError(upload.error) && Array.isArray(upload.error.details.features)
      ? (upload.error.details.features as ImportProblem[])
      : [];

  return (
    <Modal
      open
      title={t('grid.import.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('grid.import.hint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".geojson,.json,application/geo+json,application/json"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          setFileName(file.name);
          upload.mutate(file);
          return false;
        }}
        data-testid="grid-import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{upload.isPending ? t('common.loading') : t('grid.import.drop')}</p>
        {fileName && <p className="ant-upload-hint">{fileName}</p>}
      </Upload.Dragger>
      <div style={{ marginTop: 16 }} data-testid="grid-import-result">
        {upload.isSuccess && (
          <Alert
            type="success"
            showIcon
            title={t('grid.import.done', { created: upload.data.created, updated: upload.data.updated })}
          />
        )}
        {upload.isError && (
          <Alert
            type="error"
            showIcon
            title={
              upload.error instanceof NotJson
                ? t('grid.import.notJson')
                : problems.length
                  ? t('grid.import.refused', { count: problems.length })
                  : errorMessage(t, upload.error)
            }
            style={{ marginBottom: 12 }}
          />
        )}
        {problems.length > 0 && (
          <Table<ImportProblem>
            size="small"
            rowKey={(p) => `${p.index}`}
            dataSource={problems}
            pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            data-testid="grid-import-problems"
            columns={[
              {
                title: t('grid.import.index'),
                dataIndex: 'index',
                width: 90,
                render: (i: number) => (i < 0 ? t('grid.import.wholeFile') : i),
              },
              {
                title: t('grid.code'),
                dataIndex: 'code',
                width: 130,
                render: (c: string | null) => c ?? '—',
              },
              {
                title: t('grid.import.reasons'),
                dataIndex: 'reasons',
                render: (reasons: string[]) => (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {reasons.map((r) => (
                      <li key={r}>{reasonText(t, r)}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </div>
    </Modal>
  );
}
