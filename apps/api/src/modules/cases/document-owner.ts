import { registerDocumentOwner, type DocumentOwner } from '../../core/documents/issue.ts';
import { findCase } from './repository.ts';

/** Cases own documents (受理告知书 …): readable by whoever may read the case in their scope. */
export const caseDocumentOwner: DocumentOwner = {
  ownerType: 'case',
  read: 'case.read',
  async find(ctx, id) {
    const c = await findCase(ctx.db, ctx.scope, id);
    return c ? { orgId: c.ownerOrgId } : null;
  },
};

export function registerCaseDocumentOwner() {
  registerDocumentOwner(caseDocumentOwner);
}
