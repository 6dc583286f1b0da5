import { useMemo, useState } from 'react';
import type { TableColumnsType } from 'antd';
import { Card, Col, Row, Tabs, Tag, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGENT_MATTER_KINDS } from '@civicgrid/shared/petitions-work';
import { ListPage } from '../../kit/ListPage';
import { select } from '../../kit/filters';
import { formatTime } from '../../lib/time';
import {
  AGENT_MATTERS,
  AGENTS,
  useStations,
  type AgentMatter,
  type AgentStation,
  type PetitionAgent,
} from './cases-api';

type Node = { key: string; title: React.ReactNode; children: Node[] };

/** The station tree: county centre → town centres → village stations, each with its agents and open matters. */
function stationTree(items: AgentStation[], label: (s: AgentStation) => React.ReactNode): Node[] {
  const byParent = new Map<string | null, AgentStation[]>();
  const ids = new Set(items.map((s) => s.id));
  for (const s of items) {
    const parent = s.parentStationId && ids.has(s.parentStationId) ? s.parentStationId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), s]);
  }
  const walk = (parent: string | null): Node[] =>
    (byParent.get(parent) ?? []).map((s) => ({ key: s.id, title: label(s), children: walk(s.id) }));
  return walk(null);
}

export function MatterStatus({ m }: { m: Pick<AgentMatter, 'status' | 'petitionNumber'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={m.status === 'open' ? 'blue' : 'green'}>{t(`petitionCases.agents.status.${m.status}`)}</Tag>
      {m.petitionNumber && <Tag color="purple">{m.petitionNumber}</Tag>}
    </>
  );
}

/** 信访代理网络: the station tree beside the agents and the matters of the chosen station. */
export default function AgentNetworkPage() {
  const { t } = useTranslation();
  const stations = useStations();
  const [station, setStation] = useState<string | undefined>();
  const a = (k: 'area' | 'phone' | 'station' | 'accepted' | 'matters' | 'agents') =>
    t(`petitionCases.agents.${k}`);
  const tree = useMemo(
    () =>
      stationTree(stations.data?.items ?? [], (s) => (
        <span>
          {s.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('petitionCases.agents.count', { agents: s.agents, open: s.openMatters })}
          </Typography.Text>
        </span>
      )),
    [stations.data, t],
  );
  const query = useMemo(() => (station ? { stationId: station } : {}), [station]);
  const matterFilters = useMemo(
    () => [
      select(
        'status',
        (['open', 'closed'] as const).map((k) => ({
          value: k,
          label: t(`petitionCases.agents.status.${k}`),
        })),
        { placeholder: t('petitionCases.board.status'), width: 110 },
      ),
      select(
        'kind',
        AGENT_MATTER_KINDS.map((k) => ({ value: k, label: t(`petitionWork.agent.matterKinds.${k}`) })),
        { placeholder: t('petitionWork.agent.matterKind'), width: 120 },
      ),
    ],
    [t],
  );
  const agentColumns: TableColumnsType<PetitionAgent> = [
    { title: t('petitionWork.agent.agents'), dataIndex: 'name' },
    {
      title: t('petitionWork.agent.kind'),
      key: 'kind',
      render: (_, x) => t(`petitionWork.agent.kinds.${x.kind as 'cadre'}`),
    },
    { title: a('station'), dataIndex: 'stationName' },
    { title: a('area'), key: 'area', render: (_, x) => x.area ?? '—' },
    { title: a('phone'), key: 'phone', render: (_, x) => x.phone ?? '—' },
    {
      title: a('matters'),
      key: 'm',
      render: (_, x) => t('petitionCases.agents.matterCount', { closed: x.closed, matters: x.matters }),
    },
  ];
  const matterColumns: TableColumnsType<AgentMatter> = [
    { title: a('accepted'), key: 'at', render: (_, m) => formatTime(m.acceptedAt, 'YYYY-MM-DD') },
    {
      title: t('petitionWork.agent.matterKind'),
      key: 'k',
      render: (_, m) => t(`petitionWork.agent.matterKinds.${m.kind as 'errand'}`),
    },
    { title: t('petitionWork.agent.client'), dataIndex: 'clientName' },
    {
      title: t('petitionWork.agent.summary'),
      key: 's',
      render: (_, m) => m.summary ?? t('petitionCases.board.masked'),
    },
    { title: t('petitionWork.agent.agents'), dataIndex: 'agentName' },
    {
      title: t('petitionCases.board.status'),
      key: 'st',
      render: (_, m) =>
        m.petitionId ? (
          <Link to={`/petitions/${m.petitionId}`}>
            <MatterStatus m={m} />
          </Link>
        ) : (
          <MatterStatus m={m} />
        ),
    },
  ];
  return (
    <Row gutter={16} data-testid="agent-network">
      <Col xs={24} md={8}>
        <Card title={t('petitionCases.agents.stations')} size="small">
          <Tree
            treeData={tree}
            // Remounted once the stations arrive: the county centre and the town centres open.
            key={tree.length}
            defaultExpandedKeys={tree.map((n) => n.key)}
            selectedKeys={station ? [station] : []}
            onSelect={(keys) => setStation(keys[0] as string | undefined)}
            data-testid="station-tree"
          />
        </Card>
      </Col>
      <Col xs={24} md={16}>
        <Tabs
          items={[
            {
              key: 'agents',
              label: a('agents'),
              children: (
                <ListPage<PetitionAgent>
                  title={t('petitionCases.agents.title')}
                  resource={AGENTS}
                  query={query}
                  columns={agentColumns}
                  emptyText={t('petitionWork.agent.empty')}
                  testId="agent-list"
                />
              ),
            },
            {
              key: 'matters',
              label: a('matters'),
              children: (
                <ListPage<AgentMatter>
                  title={t('petitionCases.agents.matters')}
                  resource={AGENT_MATTERS}
                  query={query}
                  filters={matterFilters}
                  columns={matterColumns}
                  emptyText={t('petitionWork.agent.noMatters')}
                  testId="agent-matter-list"
                />
              ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
