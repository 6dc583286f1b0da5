import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWubifang } from './field-day-api';

export interface VisitPreset {
  personId: string;
  household: string;
}

/** 五必访: the people of the worker's grids due a visit this period; 去走访 fills the visit form. */
export function WubifangCard({ onVisit }: { onVisit: (p: VisitPreset) => void }) {
  const { t } = useTranslation();
  const due = useWubifang();
  return (
    <Card
      title={t('field.day.wubifang.title')}
      size="small"
      data-testid="wubifang-card"
      extra={<Tag color="blue">{due.data?.items.length ?? 0}</Tag>}
    >
      <List
        size="small"
        loading={due.isPending}
        dataSource={due.data?.items ?? []}
        locale={{ emptyText: t('field.day.wubifang.empty') }}
        renderItem={(p) => (
          <List.Item
            data-testid="wubifang-item"
            actions={[
              <Button
                key="v"
                size="small"
                onClick={() => onVisit({ personId: p.personId, household: p.address ?? p.name })}
                data-testid="wubifang-visit"
              >
                {t('field.day.wubifang.visit')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={0}>
              <span>
                <Typography.Text strong>{p.name}</Typography.Text>{' '}
                {p.groups.map((g) => (
                  <Tag key={g} color="gold">
                    {t(`field.day.groups.${g}`)}
                  </Tag>
                ))}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.address ? `${p.address} · ` : ''}
                {p.lastVisitAt
                  ? t('field.day.wubifang.last', { day: p.lastVisitAt.slice(0, 10) })
                  : t('field.day.wubifang.never')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
