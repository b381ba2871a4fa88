#!/usr/bin/env node
// Writes the sample datasets in the original pattern's format:
//   {"requestId":"123456","requests":[{"caseId":"0"},...],"length":"N"}
// Usage: node sample_data_sets/generate.js [N ...]   (default: the sizes measured on AWS)
const fs = require("fs");
const path = require("path");

const sizes = process.argv.length > 2
  ? process.argv.slice(2).map((s) => parseInt(s, 10))
  : [1, 5, 10, 20, 40, 100, 200, 500, 700, 1000];

for (const n of sizes) {
  if (!Number.isInteger(n) || n < 1) {
    console.error(`not a positive item count: ${n}`);
    process.exit(2);
  }
  const requests = Array.from({ length: n }, (_, i) => ({ caseId: String(i) }));
  const dataset = { requestId: "123456", requests, length: String(n) };
  const file = path.join(__dirname, `dataset_${n}.json`);
  fs.writeFileSync(file, JSON.stringify(dataset) + "\n");
  console.log(`wrote ${file}`);
}
