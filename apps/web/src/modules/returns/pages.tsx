import { CampaignBoardPage } from './CampaignBoardPage';
import { CampaignListPage } from './CampaignListPage';
import { MyReturnsPage } from './MyReturnsPage';
import { ReturnPage } from './ReturnPage';
import { SCREENING_WEB, STABILITY_WEB } from './returns-api';

/** The returns kit's four screens for each kind, as lazily loaded route elements. */
export const ScreeningCampaigns = () => <CampaignListPage k={SCREENING_WEB} />;
export const ScreeningBoard = () => <CampaignBoardPage k={SCREENING_WEB} />;
export const ScreeningMine = () => <MyReturnsPage k={SCREENING_WEB} />;
export const ScreeningReturn = () => <ReturnPage k={SCREENING_WEB} />;
export const StabilityCampaigns = () => <CampaignListPage k={STABILITY_WEB} />;
export const StabilityBoard = () => <CampaignBoardPage k={STABILITY_WEB} />;
export const StabilityMine = () => <MyReturnsPage k={STABILITY_WEB} />;
export const StabilityReturn = () => <ReturnPage k={STABILITY_WEB} />;
