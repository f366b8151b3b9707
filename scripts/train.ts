/**
 * npm run train: rebuilds src/router/model/weights.json from the project's examples and the trainable
 * public sets. Deterministic: two runs write the same bytes. Needs ../shared/data/router (absent in a
 * user's clone): without it, it says so and leaves the committed model as it is.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sharedDataPresent, SHARED_DIR, ownExampleFiles } from './lib/data';
import { buildModel, MODEL_PATH } from './lib/build-model';

if (!sharedDataPresent()) {
  console.log(`Public router data not found at ${SHARED_DIR}: training skipped, the committed model is kept.`);
  process.exit(0);
}
const started = performance.now();
console.log(`own example files: ${ownExampleFiles().join(', ') || '(none)'}`);
const result = buildModel((line) => console.log(line));
writeFileSync(MODEL_PATH, result.json);
for (const [k, v] of Object.entries(result.counts)) console.log(`  ${k}: ${v}`);
console.log(
  `wrote ${MODEL_PATH}: ${(result.json.length / 1024).toFixed(0)} KB raw, ` +
    `${(gzipSync(result.json).length / 1024).toFixed(0)} KB gzipped, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
