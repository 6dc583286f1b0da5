import { loadConfig } from '../config.ts';
import { totpCode } from '../modules/auth/totp.ts';

// The code the demo's 三员 accounts (admin, security, auditor) ask for now; the demo secret is public.
const config = loadConfig();
const now = new Date();
const left = 30 - (Math.floor(now.getTime() / 1000) % 30);
console.log(`${totpCode(config.demoTotpSecret, now)}  (good for ${left} s more)`);
