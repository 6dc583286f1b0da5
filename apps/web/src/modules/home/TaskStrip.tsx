import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTaskCounts } from './tasks-api';

/** The bell's line of 我的待办: the kinds with work waiting, each with its count; a click opens the home list. */
export function TaskStrip({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const counts = useTaskCounts();
  const waiting = counts.data?.kinds.filter((k) => k.count > 0) ?? [];
  if (!counts.data || waiting.length === 0) return null;
  const open = () => {
    onOpen();
    void navigate('/');
  };
  return (
    <div style={{ padding: '8px 0' }} data-testid="bell-tasks" data-total={counts.data.total}>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }}>
        {t('task.inbox.title')}
      </Typography.Text>
      <Space size={[4, 4]} wrap>
        {waiting.map((k) => (
          <Tag key={k.kind} color="blue" style={{ cursor: 'pointer' }} onClick={open} data-kind={k.kind}>
            {k.label} {k.count}
          </Tag>
        ))}
      </Space>
    </div>
  );
}
