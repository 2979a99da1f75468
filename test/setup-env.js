// n8n-core's DI writes an encryption key under $N8N_USER_FOLDER; keep it out of $HOME.
const os = require('os');
const path = require('path');
const fs = require('fs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-szamlazz-ekaer-test-'));
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER_TEST || dir;
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
