import { Button, List, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Duplicate } from './case-types';
import { CaseStatusTag } from './CaseTags';

/** After intake: open cases of the same category within 50 m in the last 24 h, offered for a look (and a merge). */
export function DuplicatesModal({ duplicates, onOpen }: { duplicates: Duplicate[]; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('case.intake.duplicatesTitle')}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onOpen} data-testid="intake-open-case">
          {t('case.intake.openCase')}
        </Button>
      }
    >
      <div data-testid="intake-duplicates">
        <p>{t('case.intake.duplicatesBody')}</p>
        <List
          size="small"
          dataSource={duplicates}
          renderItem={(d) => (
            <List.Item extra={<CaseStatusTag status={d.status} />}>
              <List.Item.Meta
                title={
                  <Link to={`/cases/${d.id}`} target="_blank">
                    {d.number} {d.title}
                  </Link>
                }
                description={t('case.intake.distance', { metres: d.distanceMetres })}
              />
            </List.Item>
          )}
        />
      </div>
    </Modal>
  );
}
