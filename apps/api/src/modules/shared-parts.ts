import { registerCaseDocumentOwner } from './cases/document-owner.ts';
import { registerCaseIndicators } from './cases/indicators.ts';
import { registerCaseTaskKinds } from './cases/task-kinds.ts';

/**
 * What modules add to the shared pieces of core/: kinds of task in 我的待办, indicators and
 * owners of documents. The app and the
 * seeds (which compute the demo assessment without an app) both call it; calling it again changes nothing.
 * A module manifest can replace this list.
 */
export function registerModuleParts() {
  registerCaseTaskKinds();
  registerCaseIndicators();
  registerCaseDocumentOwner();
}
