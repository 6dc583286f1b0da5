export const TEST_PASSWORD = 'Demo@2026civic';
/** The 三员 test accounts (admin, security, auditor) are enrolled in the second factor with this secret. */
export const TEST_TOTP_SECRET = 'CIVICGRIDTESTTOTPSECRETXXXXXXXXX';
