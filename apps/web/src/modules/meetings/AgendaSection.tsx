import { useState } from 'react';
import { App as AntApp, Button, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/error-message';
import { DecisionList } from './DecisionParts';
import { meetingApi, useMeetingWrite, type Meeting, type WebMeetingSpace } from './meetings-api';

/** The agenda: the picker of the space's records (disputes; risks and warnings), then each item with its decisions. */
export function AgendaSection({ m, space }: { m: Meeting; space: WebMeetingSpace }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const remove = useMeetingWrite(space, (itemId: string) => meetingApi.removeItem(space, m.id, itemId));
  const linkOf = (type: string) => space.agenda.find((a) => a.type === type)?.link;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {m.canManage && <AgendaPicker m={m} space={space} />}
      {m.items.length === 0 ? (
        <Empty description={t('meetings.page.noItems')} />
      ) : (
        <List
          dataSource={m.items}
          data-testid="agenda-items"
          renderItem={(i) => (
            <List.Item key={i.id} style={{ display: 'block' }} data-testid="agenda-item">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Tag>
                    {t(`meetings.recordType.${i.recordType as 'dispute'}`, { defaultValue: i.recordType })}
                  </Tag>
                  <Link to={`${linkOf(i.recordType) ?? ''}/${i.recordId}`}>{i.label}</Link>
                  {i.carried && (
                    <Tag color="red" data-testid="agenda-carried">
                      {t('meetings.page.carried', {
                        meeting: i.carried.meetingNumber,
                        content: i.carried.content,
                      })}
                    </Tag>
                  )}
                  {m.canManage && i.decisions.length === 0 && (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() =>
                        remove.mutate(i.id, { onError: (e) => void message.error(errorMessage(t, e)) })
                      }
                    >
                      {t('meetings.page.remove')}
                    </Button>
                  )}
                </Space>
                {i.note && <Typography.Text type="secondary">{i.note}</Typography.Text>}
                <DecisionList m={m} item={i} space={space} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

/** Searches the records of one agenda type by the type's own list (its scope), and adds the chosen one. */
function AgendaPicker({ m, space }: { m: Meeting; space: WebMeetingSpace }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [type, setType] = useState(space.agenda[0]!.type);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const def = space.agenda.find((a) => a.type === type)!;
  const options = useQuery({
    queryKey: ['meetings', 'agenda-pick', type, q],
    queryFn: () =>
      api<{ items: Record<string, unknown>[] }>(def.list, {
        query: { ...(def.search && q ? { [def.search]: q } : {}), limit: 20 },
      }),
  });
  const add = useMeetingWrite(space, (recordId: string) =>
    meetingApi.addItem(space, m.id, { recordType: type, recordId }),
  );
  const typeLabel = t(`meetings.recordType.${type as 'dispute'}`);
  return (
    <Space wrap data-testid="agenda-picker">
      {space.agenda.length > 1 && (
        <Select
          value={type}
          onChange={(v) => {
            setType(v);
            setPicked(null);
          }}
          style={{ width: 130 }}
          options={space.agenda.map((a) => ({
            value: a.type,
            label: t(`meetings.recordType.${a.type as 'dispute'}`),
          }))}
        />
      )}
      <Select
        showSearch
        filterOption={def.search ? false : undefined}
        optionFilterProp="label"
        onSearch={def.search ? setQ : undefined}
        value={picked}
        onChange={setPicked}
        loading={options.isFetching}
        placeholder={t('meetings.page.pick', { type: typeLabel })}
        style={{ minWidth: 320 }}
        data-testid="agenda-pick"
        options={(options.data?.items ?? []).map((r) => ({ value: String(r.id), label: def.label(r) }))}
      />
      <Button
        type="primary"
        disabled={!picked}
        loading={add.isPending}
        data-testid="agenda-add"
        onClick={() =>
          picked &&
          add.mutate(picked, {
            onSuccess: () => setPicked(null),
            onError: (e) => void message.error(errorMessage(t, e)),
          })
        }
      >
        {t('meetings.page.add')}
      </Button>
    </Space>
  );
}
