import type { ReactNode } from 'react';
import { Button, Card, Col, Grid, Row, Space, Spin, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryError } from '../components/QueryError';

/** The server's `allowedActions` as buttons, in the page's order: the step forward first. */
export interface ActionBarProps<A extends string> {
  allowed: readonly A[];
  /** Every action in button order; one the server allows but the list lacks is not shown. */
  order: readonly A[];
  label: (action: A) => string;
  primary?: readonly A[];
  danger?: readonly A[];
  onAction: (action: A) => void;
  testId?: string;
  /** Buttons of the page's own beside the workflow's (e.g. 转交/协办, which is no status change). */
  extra?: ReactNode;
}

export function ActionBar<A extends string>(p: ActionBarProps<A> & { wide: boolean }) {
  const { t } = useTranslation();
  const actions = p.order.filter((a) => p.allowed.includes(a));
  return (
    <div data-testid={p.testId}>
      {actions.length === 0 && !p.extra ? (
        <Typography.Text type="secondary">{t('kit.detail.noActions')}</Typography.Text>
      ) : (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {actions.map((a) => {
            const primary = p.primary?.includes(a) ?? false;
            return (
              <Button
                key={a}
                type={primary ? 'primary' : 'default'}
                danger={p.danger?.includes(a)}
                size={p.wide ? 'middle' : 'large'}
                onClick={() => p.onAction(a)}
                data-testid={`action-${a}`}
                // On a phone the step forward spans the row and the rest share it, thumb-sized.
                style={p.wide ? undefined : { flex: primary ? '1 1 100%' : '1 1 40%' }}
              >
                {p.label(a)}
              </Button>
            );
          })}
          {p.extra}
        </div>
      )}
    </div>
  );
}

export interface DetailSection {
  key: string;
  title: ReactNode;
  content: ReactNode;
  testId?: string;
}

interface Props<T, A extends string> {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data?: T;
    refetch: () => unknown;
  };
  /** Where the back arrow goes when there is no history to go back in. */
  backTo: string;
  /** The heading line: number or name, the status tag and other tags. */
  header: (row: T) => ReactNode;
  /** Under the heading: the title, a countdown, alerts. */
  summary?: (row: T) => ReactNode;
  actions?: (row: T) => ActionBarProps<A>;
  /** The main column: cards one under another (Descriptions, map, photos) … */
  sections?: (row: T) => DetailSection[];
  /** … or one card of tabs. */
  tabs?: (row: T) => DetailSection[];
  /** The side column: the history. */
  timeline?: (row: T) => { title: ReactNode; content: ReactNode };
  /** Dialogs the page opens. */
  children?: ReactNode;
  testId: string;
  dataId?: (row: T) => string;
}

/**
 * One record: a header with its status and the buttons for exactly what the API allows this user now, then the
 * details (cards or tabs) beside the history. On a phone everything stacks, actions first.
 */
export function DetailPage<T, A extends string = string>(p: Props<T, A>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().lg !== false;
  const back = (
    <Button
      type="text"
      icon={<ArrowLeftOutlined />}
      onClick={() => void (window.history.length > 1 ? navigate(-1) : navigate(p.backTo))}
      aria-label={t('kit.detail.back')}
    />
  );
  if (p.query.isPending)
    return (
      <Card>
        <Spin />
      </Card>
    );
  if (p.query.isError || p.query.data === undefined)
    return (
      <Card title={back}>
        <QueryError error={p.query.error} onRetry={() => void p.query.refetch()} />
      </Card>
    );

  const row = p.query.data;
  const size = wide ? 'default' : 'small';
  const gap = wide ? 16 : 12;
  const sections = p.sections?.(row) ?? [];
  const tabs = p.tabs?.(row);
  const timeline = p.timeline?.(row);
  const actions = p.actions?.(row);
  const main = (
    <Space orientation="vertical" size={gap} style={{ width: '100%' }}>
      {sections.map((s) => (
        <Card key={s.key} title={s.title} size={size} data-testid={s.testId}>
          {s.content}
        </Card>
      ))}
      {tabs && tabs.length > 0 && (
        <Card size={size}>
          <Tabs
            items={tabs.map((s) => ({
              key: s.key,
              label: s.title,
              children: <div data-testid={s.testId}>{s.content}</div>,
            }))}
          />
        </Card>
      )}
    </Space>
  );

  return (
    <Space
      orientation="vertical"
      size={gap}
      style={{ width: '100%' }}
      data-testid={p.testId}
      data-record-id={p.dataId?.(row)}
    >
      <Card size={size}>
        <div style={{ display: 'flex', gap: 4, alignItems: 'flex-start' }}>
          {back}
          <Space orientation="vertical" size={12} style={{ flex: 1, minWidth: 0 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
              {p.header(row)}
            </div>
            {p.summary && (
              <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>{p.summary(row)}</div>
            )}
            {actions && <ActionBar {...actions} wide={wide} />}
          </Space>
        </div>
      </Card>
      {timeline ? (
        <Row gutter={[gap, gap]}>
          <Col xs={24} lg={14}>
            {main}
          </Col>
          <Col xs={24} lg={10}>
            <Card title={timeline.title} size={size}>
              {timeline.content}
            </Card>
          </Col>
        </Row>
      ) : (
        main
      )}
      {p.children}
    </Space>
  );
}
