// The console's bundle: React, the console's pages, ECharts' line charts, served by the gateway at / with
// its files under /console/.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebApp } from '@shequ/config/build-web-app.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const out = await buildWebApp({ root, name: 'console', entry: join(root, 'src', 'app', 'console-app.tsx'), title: '社区治理数据平台 · Shequ', lang: 'zh-CN', base: '/console/' });
process.stdout.write(`console: assets in ${out}\n`);
