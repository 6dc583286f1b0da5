import type { DISPUTE_ACTION_INPUTS } from '@civicgrid/shared/mediation';
import type { z } from 'zod';
import type { SignedInContext } from '../../core/context.ts';
import { issueDocument } from '../../core/documents/issue.ts';
import { listSubjects } from '../../core/records/subjects.ts';
import { ensureAgreementSeries, orgName, type DisputeRow } from './repository.ts';
import { setAgreementDocument } from './record-repository.ts';

const ROLE_ZH: Record<string, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  party: '当事人',
  representative: '代理人',
};

/**
 * 人民调解协议书: the parties, the facts, the responsibilities and the terms with the way and time of
 * performance (人民调解法 §29), numbered in the holding body's series. It takes effect once signed and sealed;
 * the signed scan is the paper's business, the generated PDF is what they sign.
 */
export async function issueAgreement(
  ctx: SignedInContext,
  d: DisputeRow,
  agreementId: string,
  input: z.infer<(typeof DISPUTE_ACTION_INPUTS)['agree']>,
) {
  const org = await orgName(ctx.db, d.org_id);
  await ensureAgreementSeries(ctx.db, d.org_id, org.name, ctx.clock.now());
  const parties = (await listSubjects(ctx, 'dispute', d.id)).items;
  const doc = await issueDocument(ctx, {
    ownerType: 'dispute',
    ownerId: d.id,
    series: 'mediation.agreement',
    orgId: d.org_id,
    template: {
      title: '人民调解协议书',
      fields: [
        ...parties.map((p) => ({ label: ROLE_ZH[p.role] ?? '当事人', value: p.label ?? '' })),
        { label: '纠纷类型', value: d.type },
        { label: '纠纷编号', value: d.number },
      ],
      paragraphs: [
        `纠纷主要事实、争议事项：${input.facts}`,
        ...(input.responsibilities ? [`各方责任：${input.responsibilities}`] : []),
        `经调解，自愿达成如下协议：${input.terms}`,
        ...input.obligations.map(
          (o, i) =>
            `${i + 1}. ${o.party}：${o.what}${o.amount ? `（${o.amount}元）` : ''}，于${o.due}前履行。`,
        ),
        '本协议经双方当事人签名、调解员签名并加盖人民调解委员会印章后生效。本协议一式三份，当事人各执一份，调解委员会留存一份。',
        '双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。',
      ],
      signatures: ['当事人（签名）', '调解员（签名）'],
    },
  });
  await setAgreementDocument(ctx.db, agreementId, doc.id, doc.number);
  return doc;
}
