import type { CSSProperties } from 'react';
import { Badge } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { useAuth } from '../../app/auth';
import { useInbox } from './case-api';
import { inboxKindsFor, taskTotal } from './task-kinds';
import './tasks-nav.css';

/**
 * The icon of 我的待办 with the number of tasks waiting. In the side menu (antd gives the icon its
 * `ant-menu-item-icon` class) the count sits at the end of the row; elsewhere (home shortcuts) on the icon.
 */
export function TasksNavIcon({ className, style }: { className?: string; style?: CSSProperties }) {
  const { can } = useAuth();
  const inbox = useInbox(can('case.read'));
  const total = inbox.data ? taskTotal(inbox.data, inboxKindsFor(can)) : 0;
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
