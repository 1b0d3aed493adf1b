// Writes package.json's contributes.configuration from src/host/settingsSchema.ts (the one list of settings), with
// descriptions for unworded options taken from their doc comments. Run after adding an option:
//   npx tsx scripts/genConfiguration.ts
// Touches only that key and keeps the file's 2-space layout.
import { readFileSync, writeFileSync } from 'node:fs';
import { configurationContribution } from '../src/host/settingsSchema';
import { optionDocs } from './optionDocs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.contributes = { ...(pkg.contributes ?? {}), configuration: configurationContribution(optionDocs()) };
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`wrote ${Object.keys(pkg.contributes.configuration.properties).length} settings to package.json`);
