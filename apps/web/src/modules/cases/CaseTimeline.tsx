import { Image } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import { RecordTimeline } from '../../kit/RecordTimeline';
import { attachmentUrl } from './case-api';
import type { Attachment, CaseStatus, TimelineEvent } from './case-types';

const THUMB = 72;

/** Thumbnails of images (click to preview) and links to PDFs; the files come from GET /api/attachments/:id. */
export function AttachmentThumbs({ items, size = THUMB }: { items: Attachment[]; size?: number }) {
  const images = items.filter((a) => a.mime.startsWith('image/'));
  const files = items.filter((a) => !a.mime.startsWith('image/'));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <Image.PreviewGroup>
        {images.map((a) => (
          <Image
            key={a.id}
            src={attachmentUrl(a.id)}
            alt={a.filename}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }}
            data-testid="case-photo"
          />
        ))}
      </Image.PreviewGroup>
      {files.map((a) => (
        <a key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">
          <FilePdfOutlined /> {a.filename}
        </a>
      ))}
    </div>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** What an entry's `data` says beyond its note, in words. */
function facts(t: TFunction, e: TimelineEvent): string[] {
  const d = e.data ?? {};
  const out: string[] = [];
  if (e.action === 'dispatch') {
    if (str(d.department)) out.push(t('case.timeline.toDepartment', { name: str(d.department) }));
    if (Array.isArray(d.coDepartments) && d.coDepartments.length)
      out.push(t('case.timeline.coDepartments', { names: d.coDepartments.join('、') }));
  }
  // 大联动: whose assignment an event is about.
  if (
    ['assign_co', 'accept_co', 'decline_co', 'feedback_co', 'withdraw_co'].includes(e.action) &&
    str(d.department)
  )
    out.push(t('case.timeline.coDepartment', { name: str(d.department) }));
  if (e.action === 'comment' && Array.isArray(d.mentions) && d.mentions.length)
    out.push(
      t('case.timeline.mentions', {
        names: (d.mentions as { name: string }[]).map((m) => m.name).join('、'),
      }),
    );
  if (e.action === 'assign' && str(d.assignee)) {
    out.push(t('case.timeline.assignee', { name: str(d.assignee) }));
    if (str(d.previous)) out.push(t('case.timeline.assigneeFrom', { name: str(d.previous) }));
  }
  if (e.action === 'verify') out.push(d.passed ? t('case.timeline.passed') : t('case.timeline.failed'));
  if (e.action === 'decide_extension')
    out.push(d.approved ? t('case.timeline.approved') : t('case.timeline.denied'));
  if (e.action === 'evaluate' && str(d.evaluation))
    out.push(t(`case.evaluation.${str(d.evaluation) as 'satisfied'}`));
  if (e.action === 'escalate' && str(d.from) && str(d.to))
    out.push(t('case.timeline.escalated', { from: str(d.from), to: str(d.to) }));
  if (e.action === 'merge' && str(d.targetNumber))
    out.push(t('case.timeline.merged', { number: str(d.targetNumber) }));
  const deadline = str(d.deadline);
  if (deadline && ['dispatch', 'extend', 'supervise', 'decide_extension'].includes(e.action))
    out.push(t('case.timeline.deadline', { time: formatTime(deadline, 'YYYY-MM-DD HH:mm') }));
  if (e.action === 'report' && str(d.channel)) out.push(t(`case.channel.${str(d.channel) as 'hotline'}`));
  return out;
}

function colourOf(e: TimelineEvent): string {
  if (e.action === 'reject' || e.action === 'supervise') return 'red';
  if (e.action === 'verify' && !e.data?.passed) return 'red';
  if (e.action === 'close' || (e.action === 'verify' && e.data?.passed)) return 'green';
  if (e.action === 'suspend' || e.action === 'return' || e.action === 'extend') return 'gray';
  return 'blue';
}

/** 办理过程 of a case: the kit's timeline with the case's words, colours and photos. */
export function CaseTimeline({
  events,
  attachments,
}: {
  events: TimelineEvent[];
  attachments: Attachment[];
}) {
  const { t } = useTranslation();
  const byId = new Map(attachments.map((a) => [a.id, a]));
  return (
    <RecordTimeline<TimelineEvent>
      events={events}
      testId="case-timeline"
      actionLabel={(e) => t(`case.action.${e.action}`)}
      statusLabel={(s) => t(`case.status.${s as CaseStatus}`)}
      facts={(e) => facts(t, e)}
      colour={colourOf}
      extra={(e) => {
        const ids = Array.isArray(e.data?.attachmentIds) ? (e.data.attachmentIds as string[]) : [];
        const files = ids.map((id) => byId.get(id)).filter((a): a is Attachment => !!a);
        return files.length > 0 ? (
          <div style={{ marginTop: 6 }}>
            <AttachmentThumbs items={files} size={56} />
          </div>
        ) : null;
      }}
    />
  );
}
