// Prepares the CLI benchmark: an equivalent JSON Schema (draft-07) for ajv, made from the spec,
// and N recordings (variants of the spec's example, all valid, pretty-printed like curl | jq).
// Usage: node prepare.mjs <spec.yaml> <outDir> <count>
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const [specFile, outDir, countArg] = process.argv.slice(2);
const count = Number(countArg || 10000);
const spec = YAML.parse(fs.readFileSync(specFile, 'utf8'));

// OpenAPI 3.0 schema objects -> JSON Schema draft-07: refs moved to definitions, annotations
// ajv does not know dropped, int32 as minimum/maximum (int64 cannot be checked in JavaScript).
function convert(node) {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'nullable' || k.startsWith('x-')) continue;
    if (k === '$ref') { out.$ref = v.replace('#/components/schemas/', '#/definitions/'); continue; }
    if (k === 'format') {
      if (v === 'int32') { out.minimum = -2147483648; out.maximum = 2147483647; }
      continue;
    }
    out[k] = (k === 'properties') ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, convert(s)])) : convert(v);
  }
  return out;
}
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $ref: '#/definitions/RayCluster',
  definitions: Object.fromEntries(Object.entries(spec.components.schemas).map(([n, s]) => [n, convert(s)])),
};
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'raycluster.schema.json'), JSON.stringify(schema, null, 2));

const example = spec.paths['/api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}'].get
  .responses['200'].content['application/json'].example;
const states = ['Starting', 'Running', 'Stopping', 'Stopped', 'Error'];
const dir = path.join(outDir, 'recordings');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
for (let i = 0; i < count; i++) {
  const body = structuredClone(example);
  body.requestId = `${i.toString(16).toUpperCase().padStart(8, '0')}-5837-5237-ABE4-FF0C8944`;
  body.clusterId = `ray-${String(i).padStart(14, '0')}`;
  body.state = states[i % states.length];
  body.submitToken = '<redacted>';
  body.dashboardUrl = body.dashboardUrl.replace(/token=[^&]*/, 'token=<redacted>');
  body.startTime = 1750327083303 + i;
  body.workerSpec[0].replica = 1 + (i % 8);
  fs.writeFileSync(path.join(dir, `r${String(i).padStart(5, '0')}.json`), JSON.stringify(body, null, 2) + '\n');
}
console.log(`wrote ${count} recordings and the JSON Schema to ${outDir}`);
