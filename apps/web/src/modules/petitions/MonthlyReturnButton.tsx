import { useState } from 'react';
import { App, Button, DatePicker, Modal, Space, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../lib/download';
import { errorMessage } from '../../lib/error-message';

/** 信访月报: pick a month, download the return (CSV or Excel) of the caller's org and its streets. */
export function MonthlyReturnButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [busy, setBusy] = useState(false);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    const m = month.format('YYYY-MM');
    try {
      await downloadFile(
        '/api/petitions/monthly-return/export',
        { month: m, format },
        `petition-return-${m}.${format}`,
      );
      setOpen(false);
    } catch (error) {
      void message.error(t('common.exportFailed', { message: errorMessage(t, error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        icon={<FileExcelOutlined />}
        onClick={() => setOpen(true)}
        data-testid="petition-monthly-return"
      >
        {t('petitionWork.monthly.button')}
      </Button>
      <Modal
        open={open}
        title={t('petitionWork.monthly.title')}
        onCancel={() => setOpen(false)}
        footer={null}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('petitionWork.monthly.hint')}</Typography.Text>
          <Space>
            {t('petitionWork.monthly.month')}
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(d) => d && setMonth(d)}
              data-testid="petition-monthly-month"
            />
          </Space>
          <Space>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void run('csv')}
              data-testid="petition-monthly-csv"
            >
              {t('petitionWork.monthly.csv')}
            </Button>
            <Button loading={busy} onClick={() => void run('xlsx')} data-testid="petition-monthly-xlsx">
              {t('petitionWork.monthly.xlsx')}
            </Button>
          </Space>
        </Space>
      </Modal>
    </>
  );
}
