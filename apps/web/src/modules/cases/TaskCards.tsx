import { Card, Col, Row, Skeleton, theme } from 'antd';

export interface TaskCard {
  key: string;
  label: string;
  /** Undefined while counting. */
  count: number | undefined;
  /** Red when anything is in it (overdue). */
  alarm?: boolean;
}

/** The cards of 我的待办: one per kind of work, with its count; the chosen one is outlined. */
export function TaskCards({
  cards,
  selected,
  onSelect,
}: {
  cards: TaskCard[];
  selected: string | undefined;
  onSelect: (key: string) => void;
}) {
  const { token } = theme.useToken();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map(({ key, label, count, alarm }) => {
        const on = key === selected;
        return (
          <Col key={key} xs={12} sm={8} md={6} xl={Math.max(3, Math.floor(24 / cards.length))}>
            <Card
              hoverable
              size="small"
              onClick={() => onSelect(key)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(key);
                }
              }}
              tabIndex={0}
              role="button"
              aria-pressed={on}
              data-testid={`task-card-${key}`}
              data-count={count ?? ''}
              style={{
                borderColor: on ? token.colorPrimary : undefined,
                boxShadow: on ? `0 0 0 1px ${token.colorPrimary}` : undefined,
                background: on ? token.colorPrimaryBg : undefined,
              }}
            >
              <div style={{ color: token.colorTextSecondary, fontSize: 13 }}>{label}</div>
              {count === undefined ? (
                <Skeleton.Button active size="small" />
              ) : (
                <div
                  style={{
                    fontSize: 26,
                    fontWeight: 600,
                    lineHeight: 1.3,
                    color:
                      alarm && count > 0
                        ? token.colorError
                        : count > 0
                          ? token.colorText
                          : token.colorTextQuaternary,
                  }}
                  data-testid={`task-count-${key}`}
                >
                  {count}
                </div>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
