import { useEffect, useRef } from 'react';
import { Col, Grid, Row } from 'antd';
import { useSearchParams } from 'react-router';
import { OrgTreePanel } from './OrgTreePanel';
import { OrgDetailPanel } from './OrgDetailPanel';

/** The selected unit lives in the URL (?id=) so a detail can be linked and survives a reload. */
export default function OrgsPage() {
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const select = (id: string | null) => setParams(id ? { id } : {}, { replace: false });
  const stacked = Grid.useBreakpoint().md === false;
  const detailRef = useRef<HTMLDivElement>(null);

  // On a phone the detail sits below a long tree: bring it into view when a unit is picked.
  useEffect(() => {
    if (stacked && selectedId) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [stacked, selectedId]);

  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} md={10} lg={8} xxl={6}>
        <OrgTreePanel selectedId={selectedId} onSelect={select} />
      </Col>
      <Col xs={24} md={14} lg={16} xxl={18} ref={detailRef}>
        <OrgDetailPanel orgId={selectedId} onSelect={select} />
      </Col>
    </Row>
  );
}
