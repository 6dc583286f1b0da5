import { Col, Row } from 'antd';
import { useSearchParams } from 'react-router';
import { OrgTreePanel } from './OrgTreePanel';
import { OrgDetailPanel } from './OrgDetailPanel';

/** The selected unit lives in the URL (?id=) so a detail can be linked and survives a reload. */
export default function OrgsPage() {
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const select = (id: string | null) => setParams(id ? { id } : {}, { replace: false });

  return (
    <Row gutter={[16, 16]} align="top">
      <Col xs={24} md={10} lg={8} xxl={6}>
        <OrgTreePanel selectedId={selectedId} onSelect={select} />
      </Col>
      <Col xs={24} md={14} lg={16} xxl={18}>
        <OrgDetailPanel orgId={selectedId} onSelect={select} />
      </Col>
    </Row>
  );
}
