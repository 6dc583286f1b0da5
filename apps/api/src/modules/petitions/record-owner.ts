import { PETITION_FINAL } from '@civicgrid/shared/petitions';
import { registerDocumentOwner, type DocumentOwner } from '../../core/documents/issue.ts';
import { badRequest } from '../../core/errors.ts';
import type { OwnerType } from '../../core/records/owners.ts';
import { describePetitions, findPetition, visiblePetitionIds } from './repository.ts';

/** Petitions as owners of shared parts: visibility is the petition list's own rule, accusations included. */
export const petitionOwner: OwnerType = {
  type: 'petition',
  permissions: { read: 'petition.read', write: 'petition.register', refer: 'petition.register' },
  visibleIds: (ctx, ids) => visiblePetitionIds(ctx.db, ctx.scope, ids),
  async describe(db, ids) {
    const rows = await describePetitions(db, ids);
    return new Map(
      rows.map((p) => [
        p.id,
        {
          id: p.id,
          orgId: p.receiving_org_id,
          orgPath: p.org_path,
          label: p.number,
          closed: (PETITION_FINAL as readonly string[]).includes(p.status),
        },
      ]),
    );
  },
  // 转送 / 交办 is the workflow's route action (with its own clock), not a generic transfer.
  async checkTransferTarget() {
    throw badRequest('toOrgId', 'a petition moves by its route action (转送/交办), not by transfer');
  },
  async transferTo() {
    throw badRequest('toOrgId', 'a petition moves by its route action (转送/交办), not by transfer');
  },
};

/** 处理意见书 and the 复查/复核 opinions: readable by whoever may read the petition. */
export const petitionDocumentOwner: DocumentOwner = {
  ownerType: 'petition',
  read: 'petition.read',
  async find(ctx, id) {
    const p = await findPetition(ctx.db, ctx.scope, id);
    return p ? { orgId: p.receiving_org_id } : null;
  },
};

export function registerPetitionDocumentOwner() {
  registerDocumentOwner(petitionDocumentOwner);
}
