import { useMemo } from 'react';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WARNING_LEVELS, WARNING_RULES, WARNING_STATUSES } from '@civicgrid/shared/stability';
import { useCan } from '../../app/auth';
import { ListPage } from '../../kit/ListPage';
import { select } from '../../kit/filters';
import { errorMessage } from '../../lib/error-message';
import { formatTime } from '../../lib/time';
import { LevelTag } from './labels';
import { warningApi, warningKeys, type Warning } from './warning-api';

const WARNINGS = { path: '/api/warnings', key: warningKeys.all };
const STATUS_COLOUR = { issued: 'red', acknowledged: 'blue', closed: 'default' } as const;

/** 预警中心: open warnings with each target unit's 签收 state; a unit acknowledges with one tap. */
export default function WarningListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canIssue = useCan('warning.issue');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: warningKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
  const ack = async (w: Warning) => {
    try {
      await warningApi.ack(w.id);
      void message.success(t('stability.warning.acked'));
      refresh();
    } catch (e) {
      void message.error(errorMessage(t, e));
    }
  };
  const filters = useMemo(
    () => [
      select('mine', [{ value: 'true', label: t('stability.warning.mine') }], {
        placeholder: t('stability.warning.mine'),
        width: 120,
        testId: 'warnings-mine',
      }),
      select(
        'status',
        WARNING_STATUSES.map((v) => ({ value: v, label: t(`stability.warning.status.${v}`) })),
        { placeholder: t('stability.field.status'), width: 110 },
      ),
      select(
        'level',
        WARNING_LEVELS.map((v) => ({ value: v, label: t(`stability.level.${v}`) })),
        { placeholder: t('stability.field.level'), width: 100 },
      ),
      select(
        'rule',
        WARNING_RULES.map((v) => ({ value: v, label: t(`stability.warning.rule.${v}`) })),
        { placeholder: t('stability.warning.ruleLabel'), width: 140 },
      ),
    ],
    [t],
  );
  const columns: TableColumnsType<Warning> = [
    { title: t('stability.field.number'), dataIndex: 'number' },
    { title: t('stability.field.level'), key: 'level', render: (_, w) => <LevelTag level={w.level} /> },
    { title: t('stability.field.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('stability.warning.ruleLabel'),
      key: 'rule',
      render: (_, w) =>
        w.rule
          ? t(`stability.warning.rule.${w.rule as 'red_risk'}`, { defaultValue: w.rule })
          : t('stability.warning.manual'),
    },
    {
      title: t('stability.field.status'),
      key: 'status',
      render: (_, w) => (
        <Tag color={STATUS_COLOUR[w.status]}>{t(`stability.warning.status.${w.status}`)}</Tag>
      ),
    },
    { title: t('stability.warning.targets'), key: 'targets', render: (_, w) => <Targets w={w} /> },
    { title: t('stability.warning.issuedAt'), key: 'at', render: (_, w) => formatTime(w.issuedAt) },
    {
      title: '',
      key: 'ack',
      render: (_, w) =>
        w.canAck ? (
          <Button
            type="primary"
            size="small"
            danger={w.level === 'red'}
            onClick={() => void ack(w)}
            data-testid="warning-ack"
          >
            {t('stability.warning.ack')}
          </Button>
        ) : null,
    },
  ];
  return (
    <ListPage<Warning>
      title={t('stability.warning.title')}
      resource={WARNINGS}
      filters={filters}
      columns={columns}
      renderCard={(w) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }} data-testid="warning-card">
          <Space size={4} wrap>
            <Typography.Text strong>{w.number}</Typography.Text>
            <LevelTag level={w.level} />
            <Tag color={STATUS_COLOUR[w.status]}>{t(`stability.warning.status.${w.status}`)}</Tag>
          </Space>
          <Typography.Text>{w.title}</Typography.Text>
          <Targets w={w} />
          {w.canAck && (
            <Button type="primary" block onClick={() => void ack(w)}>
              {t('stability.warning.ack')}
            </Button>
          )}
        </Space>
      )}
      extra={
        canIssue ? (
          <Button
            onClick={async () => {
              const r = await warningApi.run();
              void message.info(t('stability.warning.raised', { n: r.raised }));
              refresh();
            }}
            data-testid="warnings-run"
          >
            {t('stability.warning.run')}
          </Button>
        ) : undefined
      }
      emptyText={t('stability.warning.empty')}
      testId="warning-table"
    />
  );
}

/** Each target unit: green once acknowledged, red when late, grey when passed up a level. */
function Targets({ w }: { w: Warning }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {w.targets.map((x) => (
        <Tooltip
          key={x.id}
          title={
            x.ackedAt
              ? `${x.ackedByName ?? ''} ${formatTime(x.ackedAt)}`
              : `${t('stability.warning.due')} ${formatTime(x.ackDue)}`
          }
        >
          <Tag
            color={
              x.ackedAt ? (x.late ? 'orange' : 'green') : x.escalatedAt ? 'default' : x.late ? 'red' : 'gold'
            }
          >
            {x.orgName}
            {x.escalatedAt && !x.ackedAt ? ` · ${t('stability.warning.escalated')}` : ''}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
