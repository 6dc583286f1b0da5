import type { CSSProperties } from 'react';
import { Badge } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { useTaskCounts } from '../home/tasks-api';
import './tasks-nav.css';

/**
 * The icon of 我的待办 with the number of tasks waiting, of every kind. In the side menu (antd gives the icon its
 * `ant-menu-item-icon` class) the count sits at the end of the row; elsewhere (home shortcuts) on the icon.
 */
export function TasksNavIcon({ className, style }: { className?: string; style?: CSSProperties }) {
  // Every module's waiting work (GET /api/tasks), not only the case inbox.
  const total = useTaskCounts().data?.total ?? 0;
  const icon = <CheckSquareOutlined className={className} style={style} />;
  if (className?.includes('menu-item-icon')) {
    return (
      <>
        {/* Before the icon: antd spaces the label by the rule "icon + span", which must stay adjacent. */}
        {total > 0 && (
          <span className="cg-nav-count" data-testid="menu-tasks-count" data-count={total}>
            <Badge count={total} overflowCount={999} size="small" />
          </span>
        )}
        {icon}
      </>
    );
  }
  return (
    <Badge count={total} overflowCount={999} size="small">
      {icon}
    </Badge>
  );
}
