import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Input, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useCan } from '../../app/auth';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import type { petitionWorkZh } from './messages-work';
import { petitionKeys } from './petition-api';

interface LeaderCase {
  id: string;
  version: number;
  leaderName: string;
  plan: string | null;
  since: string;
  targetDate: string;
  status: keyof typeof petitionWorkZh.leader.status;
}

/** 领导包案 on the petition page: a `petition.leader` holder takes it, reports progress and closes it. */
export function LeaderCasePanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useAuth().me.user;
  const canLead = useCan('petition.leader');
  const key = ['petitions', 'leader-case', id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<{ leaderCase: LeaderCase | null }>(`/api/petitions/${id}/leader-case`),
  });
  const [target, setTarget] = useState<Dayjs>(dayjs().add(30, 'day'));
  const [text, setText] = useState('');
  const l = (k: Exclude<keyof typeof petitionWorkZh.leader, 'status'>) => t(`petitionWork.leader.${k}`);
  const post = async (path: string, body: Record<string, unknown>) => {
    try {
      await api(`/api/petitions/${id}/leader-case${path}`, { method: 'POST', body });
      setText('');
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: petitionKeys.events(id) });
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };
  const c = q.data?.leaderCase;
  if (!c && !canLead) return null;
  return (
    <div data-testid="leader-case">
      {c ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={l('leader')}>
            {c.leaderName} <Tag>{t(`petitionWork.leader.status.${c.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={l('target')}>{c.targetDate}</Descriptions.Item>
          <Descriptions.Item label={l('plan')}>{c.plan ?? t('petitionCases.board.masked')}</Descriptions.Item>
          <Descriptions.Item label={t('petitionCases.page.petitions')}>
            <Link to={`/petitions/leader-cases/${c.id}`} data-testid="leader-case-open">
              {t('petitionCases.page.open')}
            </Link>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {canLead && (!c || c.status === 'open') && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {!c && <DatePicker value={target} allowClear={false} onChange={(d) => d && setTarget(d)} />}
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={c ? l('progress') : l('plan')}
            data-testid="leader-case-text"
          />
          {!c ? (
            <Button
              type="primary"
              disabled={!text.trim() || !me}
              onClick={() =>
                void post('', { leaderId: me?.id, targetDate: target.format('YYYY-MM-DD'), plan: text })
              }
              data-testid="leader-case-take"
            >
              {l('assign')}
            </Button>
          ) : (
            <Space>
              <Button
                disabled={!text.trim()}
                onClick={() => void post('/progress', { text, version: c.version })}
              >
                {l('addProgress')}
              </Button>
              <Button
                type="primary"
                onClick={() =>
                  void post('/close', {
                    outcome: 'resolved',
                    version: c.version,
                    ...(text.trim() ? { text } : {}),
                  })
                }
              >
                {l('resolve')}
              </Button>
              <Button
                danger
                onClick={() =>
                  void post('/close', {
                    outcome: 'not_resolved',
                    version: c.version,
                    ...(text.trim() ? { text } : {}),
                  })
                }
              >
                {l('notResolved')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </div>
  );
}
