import { DatePicker, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../kit/ListPage';

interface Missing {
  id: string;
  day: string;
  userName: string;
  gridName: string;
}
const MISSING = { path: '/api/field/worklogs-missing', key: ['field', 'worklogs-missing'] } as const;

/** 日志缺报: each grid worker's past working days without a work log, per grid; counted, paged, exported. */
export default function MissingLogsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[string, string]>(() => [
    dayjs().startOf('month').format('YYYY-MM-DD'),
    dayjs().format('YYYY-MM-DD'),
  ]);
  const query = useMemo(() => ({ from: range[0], to: range[1] }), [range]);
  const columns: TableColumnsType<Missing> = [
    { title: t('field.day.missing.grid'), dataIndex: 'gridName' },
    { title: t('field.day.missing.worker'), dataIndex: 'userName' },
    { title: t('field.day.missing.day'), dataIndex: 'day' },
  ];
  return (
    <ListPage<Missing>
      title={t('field.day.missing.title')}
      resource={MISSING}
      query={query}
      columns={columns}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('field.day.missing.range')}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(v) =>
              v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])
            }
            data-testid="missing-range"
          />
        </Space>
      }
      renderCard={(r) => (
        <div>
          <Typography.Text strong>{r.userName}</Typography.Text> · {r.gridName}
          <div>{r.day}</div>
        </div>
      )}
      export={{
        path: '/api/field/worklogs-missing/export',
        baseName: 'worklogs-missing',
        testId: 'missing-export',
      }}
      emptyText={t('field.day.missing.empty')}
      testId="missing-table"
    />
  );
}
