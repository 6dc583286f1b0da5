import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Badge,
  Button,
  Calendar,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/error-message';
import { applyFieldErrors } from '../../lib/form-errors';
import { calendarKeys, calendarWrites, useCalendarYear, type CalendarDay } from './calendar-api';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function DayKindTag({ d }: { d: CalendarDay }) {
  const { t } = useTranslation();
  return d.isWorkday ? (
    <Tag color="orange">{t('calendar.legendMakeup')}</Tag>
  ) : (
    <Tag color="green">{t('calendar.legendHoliday')}</Tag>
  );
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Dayjs>(() => dayjs());
  const year = selected.year();
  const cal = useCalendarYear(year);
  const byDay = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.day, d])), [cal.data]);
  const [dayForm] = Form.useForm<{ isWorkday: boolean; name: string }>();
  const [hoursForm] = Form.useForm<{ workStart: string; workEnd: string }>();
  const dayKey = selected.format('YYYY-MM-DD');
  const entry = byDay.get(dayKey);
  const weekend = selected.day() === 0 || selected.day() === 6;

  const sourceLabel = (source: string) =>
    source === 'admin'
      ? t('calendar.sourceAdmin')
      : source === 'statutory'
        ? t('calendar.sourceStatutory')
        : t('calendar.sourcePublished');

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar'] });
  const saveDay = useMutation({
    mutationFn: (v: { isWorkday: boolean; name: string }) =>
      calendarWrites.setDay(dayKey, { isWorkday: v.isWorkday, name: v.name?.trim() || null }),
    onSuccess: () => {
      void refresh();
      void message.success(t('calendar.saved', { day: dayKey }));
    },
    onError: (error) => {
      applyFieldErrors(dayForm, ['isWorkday', 'name'], error);
      void message.error(errorMessage(t, error));
    },
  });
  const clearDay = useMutation({
    mutationFn: () => calendarWrites.clearDay(dayKey),
    onSuccess: () => {
      void refresh();
      void message.success(t('calendar.cleared', { day: dayKey }));
    },
    onError: (error) => void message.error(errorMessage(t, error)),
  });
  const saveHours = useMutation({
    mutationFn: calendarWrites.setHours,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.year(year) });
      void message.success(t('calendar.hoursSaved'));
    },
    onError: (error) => {
      applyFieldErrors(hoursForm, ['workStart', 'workEnd'], error);
      void message.error(errorMessage(t, error));
    },
  });

  const pick = (d: Dayjs) => {
    setSelected(d);
    const e = byDay.get(d.format('YYYY-MM-DD'));
    const isWeekend = d.day() === 0 || d.day() === 6;
    dayForm.setFieldsValue({ isWorkday: e ? e.isWorkday : !isWeekend, name: e?.name ?? '' });
  };

  const years = Array.from({ length: 5 }, (_, i) => dayjs().year() - 1 + i);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="calendar-page">
      <Card title={t('calendar.title')}>
        <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
        {cal.data && !cal.data.known && (
          <Alert
            type="warning"
            showIcon
            title={t('calendar.unknownYear', { year })}
            data-testid="calendar-unknown"
          />
        )}
      </Card>
      {cal.isError ? (
        <QueryError error={cal.error} onRetry={() => void cal.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Card loading={cal.isPending}>
              <Calendar
                fullscreen={false}
                value={selected}
                onSelect={pick}
                headerRender={({ value, onChange }) => (
                  <Space style={{ padding: 8 }}>
                    <Select
                      aria-label={t('calendar.year')}
                      data-testid="calendar-year"
                      value={value.year()}
                      options={years.map((y) => ({ value: y, label: String(y) }))}
                      onChange={(y: number) => onChange(value.year(y))}
                    />
                    <Select
                      value={value.month()}
                      options={Array.from({ length: 12 }, (_, m) => ({
                        value: m,
                        label: value.month(m).format('MMM'),
                      }))}
                      onChange={(m: number) => onChange(value.month(m))}
                    />
                  </Space>
                )}
                fullCellRender={(d, info) => {
                  if (info.type !== 'date') return info.originNode;
                  const e = byDay.get(d.format('YYYY-MM-DD'));
                  const off = e ? !e.isWorkday : d.day() === 0 || d.day() === 6;
                  const isSel = d.isSame(selected, 'day');
                  return (
                    <div
                      data-testid={`calendar-day-${d.format('YYYY-MM-DD')}`}
                      data-off={off ? 'true' : 'false'}
                      title={e?.name ?? undefined}
                      style={{
                        margin: 2,
                        padding: '2px 0',
                        borderRadius: 4,
                        opacity: d.month() === selected.month() ? 1 : 0.35,
                        outline: isSel ? '2px solid #1677ff' : undefined,
                        background: e ? (e.isWorkday ? '#fff7e6' : '#f6ffed') : undefined,
                        color: off ? '#cf1322' : undefined,
                      }}
                    >
                      {d.date()}
                      {e && (
                        <div style={{ fontSize: 10, lineHeight: 1.2 }}>
                          {e.isWorkday ? t('calendar.legendMakeup') : (e.name ?? t('calendar.legendHoliday'))}
                        </div>
                      )}
                    </div>
                  );
                }}
              />
              <Space size="large" wrap>
                <Badge color="#52c41a" text={t('calendar.legendHoliday')} />
                <Badge color="#fa8c16" text={t('calendar.legendMakeup')} />
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card
                title={t('calendar.dayTitle', { day: dayKey, weekday: selected.format('dddd') })}
                data-testid="calendar-day-card"
              >
                <Typography.Paragraph type="secondary">
                  {t('calendar.dayRule', {
                    rule: weekend ? t('calendar.ruleWeekend') : t('calendar.ruleWorkday'),
                  })}
                  {entry && (
                    <>
                      {' · '}
                      {sourceLabel(entry.source)}
                    </>
                  )}
                </Typography.Paragraph>
                <Form
                  form={dayForm}
                  layout="vertical"
                  initialValues={{ isWorkday: entry ? entry.isWorkday : !weekend, name: entry?.name ?? '' }}
                  onFinish={(v) => saveDay.mutate(v)}
                >
                  <Form.Item name="isWorkday" label={t('calendar.kind')}>
                    <Radio.Group
                      data-testid="calendar-kind"
                      options={[
                        { value: false, label: t('calendar.dayOff') },
                        { value: true, label: t('calendar.workday') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name="name" label={t('calendar.name')} rules={[{ max: 40 }]}>
                    <Input placeholder={t('calendar.namePlaceholder')} data-testid="calendar-name" />
                  </Form.Item>
                  <Space>
                    <Button
                      type="primary"
                      htmlType="submit"
                      loading={saveDay.isPending}
                      data-testid="calendar-save"
                    >
                      {t('calendar.save')}
                    </Button>
                    {entry && (
                      <Popconfirm title={t('calendar.clearConfirm')} onConfirm={() => clearDay.mutate()}>
                        <Button loading={clearDay.isPending} data-testid="calendar-clear">
                          {t('calendar.clear')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                </Form>
              </Card>
              <Card title={t('calendar.hours')}>
                {cal.data && (
                  <Form
                    form={hoursForm}
                    layout="inline"
                    initialValues={{ workStart: cal.data.workStart, workEnd: cal.data.workEnd }}
                    onFinish={(v) => saveHours.mutate(v)}
                  >
                    <Form.Item
                      name="workStart"
                      label={t('calendar.workStart')}
                      rules={[{ required: true, pattern: HHMM, message: 'HH:MM' }]}
                    >
                      <Input style={{ width: 80 }} />
                    </Form.Item>
                    <Form.Item
                      name="workEnd"
                      label={t('calendar.workEnd')}
                      rules={[{ required: true, pattern: HHMM, message: 'HH:MM' }]}
                    >
                      <Input style={{ width: 80 }} />
                    </Form.Item>
                    <Button htmlType="submit" loading={saveHours.isPending}>
                      {t('calendar.saveHours')}
                    </Button>
                  </Form>
                )}
              </Card>
            </Space>
          </Col>
        </Row>
      )}
      <Card title={t('calendar.listTitle', { year, count: cal.data?.days.length ?? 0 })}>
        <Table<CalendarDay>
          rowKey="day"
          size="small"
          loading={cal.isPending}
          dataSource={cal.data?.days ?? []}
          locale={{ emptyText: t('calendar.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(d) => ({ onClick: () => pick(dayjs(d.day)), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('calendar.colDay'), dataIndex: 'day', key: 'day', width: 130 },
            { title: t('calendar.colKind'), key: 'kind', width: 130, render: (_, d) => <DayKindTag d={d} /> },
            { title: t('calendar.colName'), dataIndex: 'name', key: 'name' },
            {
              title: t('calendar.colSource'),
              key: 'source',
              width: 140,
              render: (_, d) => sourceLabel(d.source),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
