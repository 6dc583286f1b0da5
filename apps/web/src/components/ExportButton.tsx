import { useState } from 'react';
import { App, Button, Dropdown, Grid, Space } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Query } from '../lib/api';
import { downloadFile } from '../lib/download';
import { errorMessage } from '../lib/error-message';

/**
 * Exports what a list shows (the same filters) as CSV, with Excel one click away. The API streams the file and
 * neutralises formula-like cells; this only asks for it and reports a failure.
 */
export function ExportButton({
  path,
  query,
  baseName,
  testId,
}: {
  /** The list's export endpoint, e.g. `/api/cases/export`; it takes `format=csv|xlsx`. */
  path: string;
  query: Query;
  /** File name without extension, used when the server names none. */
  baseName: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md !== false;
  const [exporting, setExporting] = useState(false);

  const run = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      await downloadFile(path, { ...query, format }, `${baseName}.${format}`);
    } catch (error) {
      void message.error(t('common.exportFailed', { message: errorMessage(t, error) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space.Compact>
      <Button
        icon={<DownloadOutlined />}
        loading={exporting}
        onClick={() => void run('csv')}
        aria-label={t('common.exportCsv')}
        data-testid={testId}
      >
        {wide && t('common.exportCsv')}
      </Button>
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{ items: [{ key: 'xlsx', label: t('common.exportXlsx') }], onClick: () => void run('xlsx') }}
      >
        <Button
          icon={<DownOutlined />}
          disabled={exporting}
          aria-label={t('common.exportXlsx')}
          data-testid={`${testId}-more`}
        />
      </Dropdown>
    </Space.Compact>
  );
}
