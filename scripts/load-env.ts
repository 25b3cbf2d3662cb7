import fs from 'node:fs';

// Scripts read .env as Next does for the app; variables already set win.
if (fs.existsSync('.env')) process.loadEnvFile('.env');
