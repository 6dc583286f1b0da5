import { Empty, Image, Space, Tag, Timeline, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/time';
import { attachmentUrl } from './case-api';
import type { Attachment, TimelineEvent } from './case-types';

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

/** 办理过程: every step with who, from which unit, when, the note and the photos it brought. */
export function CaseTimeline({
  events,
  attachments,
}: {
  events: TimelineEvent[];
  attachments: Attachment[];
}) {
  const { t } = useTranslation();
  if (!events.length) return <Empty />;
  const byId = new Map(attachments.map((a) => [a.id, a]));
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => {
        const ids = Array.isArray(e.data?.attachmentIds) ? (e.data.attachmentIds as string[]) : [];
        const files = ids.map((id) => byId.get(id)).filter((a): a is Attachment => !!a);
        return {
          key: e.id,
          color: colourOf(e),
          content: (
            <div data-testid="timeline-item" data-action={e.action}>
              <Space size={[8, 2]} wrap>
                <Typography.Text strong>{t(`case.action.${e.action}`)}</Typography.Text>
                {e.toStatus && e.toStatus !== e.fromStatus && (
                  <Tag style={{ marginInlineEnd: 0 }}>{t(`case.status.${e.toStatus}`)}</Tag>
                )}
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[e.actorName, e.actorOrg].filter(Boolean).join(' · ')}
                  {' · '}
                  {formatTime(e.at, 'YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </div>
              {facts(t, e).map((f) => (
                <div key={f}>{f}</div>
              ))}
              {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              {files.length > 0 && (
                <div style={{ marginTop: 6 }}>
                  <AttachmentThumbs items={files} size={56} />
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
