// Prepares the CLI benchmarks (run.sh, memory.sh): an equivalent JSON Schema (draft-07) for ajv,
// made from the spec, and the inputs, all valid variants of the spec's example:
//   node prepare.mjs <spec.yaml> <outDir> recordings <count>        outDir/n<count>/rNNNNNN.json,
//                                                                    pretty-printed like curl | jq
//   node prepare.mjs <spec.yaml> <outDir> har <entries> [files]     outDir/har/sessionN.har (HAR 1.2,
//                                                                    one GetRayCluster call per entry)
//                                                                    and outDir/har-bodies/sessionN.json,
//                                                                    the same bodies as one JSON array
//                                                                    (what ajv, which knows no HAR, checks)
// The schemas: outDir/raycluster.schema.json (one body), outDir/raycluster-array.schema.json (an array).
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const [specFile, outDir, what = 'recordings', countArg = '10000', filesArg = '1'] = process.argv.slice(2);
const count = Number(countArg);
const files = Number(filesArg);
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
const definitions = Object.fromEntries(Object.entries(spec.components.schemas).map(([n, s]) => [n, convert(s)]));
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'raycluster.schema.json'), JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#', $ref: '#/definitions/RayCluster', definitions }, null, 2));
fs.writeFileSync(path.join(outDir, 'raycluster-array.schema.json'), JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: { $ref: '#/definitions/RayCluster' },
  definitions }, null, 2));

const pathTemplate = '/api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}';
const example = spec.paths[pathTemplate].get.responses['200'].content['application/json'].example;
const states = ['Starting', 'Running', 'Stopping', 'Stopped', 'Error'];
function body(i) {
  const b = structuredClone(example);
  b.requestId = `${i.toString(16).toUpperCase().padStart(8, '0')}-5837-5237-ABE4-FF0C8944`;
  b.clusterId = `ray-${String(i).padStart(14, '0')}`;
  b.state = states[i % states.length];
  b.submitToken = '<redacted>';
  b.dashboardUrl = b.dashboardUrl.replace(/token=[^&]*/, 'token=<redacted>');
  b.startTime = 1750327083303 + i;
  b.workerSpec[0].replica = 1 + (i % 8);
  return b;
}

if (what === 'recordings') {
  const dir = path.join(outDir, `n${count}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, `r${String(i).padStart(6, '0')}.json`), JSON.stringify(body(i), null, 2) + '\n');
  }
  console.log(`wrote ${count} recordings to ${dir}`);
} else if (what === 'har') {
  const harDir = path.join(outDir, 'har');
  const arrayDir = path.join(outDir, 'har-bodies');
  for (const d of [harDir, arrayDir]) { fs.rmSync(d, { recursive: true, force: true }); fs.mkdirSync(d, { recursive: true }); }
  const host = 'emr-serverless-spark.cn-hangzhou.aliyuncs.com';
  for (let f = 0; f < files; f++) {
    const har = fs.openSync(path.join(harDir, `session${f}.har`), 'w');
    const arr = fs.openSync(path.join(arrayDir, `session${f}.json`), 'w');
    fs.writeSync(har, '{"log": {"version": "1.2", "creator": {"name": "raycluster-conformance bench", "version": "1"}, "entries": [\n');
    fs.writeSync(arr, '[\n');
    for (let e = 0; e < count; e++) {
      const i = f * count + e;
      const b = body(i);
      const text = JSON.stringify(b); // compact, as recorders keep bodies
      const date = new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + i * 1000).toISOString();
      const entry = {
        startedDateTime: date, time: 85,
        request: {
          method: 'GET', url: `https://${host}${pathTemplate.replace('{workspaceId}', 'w-d2d82aa09155').replace('{clusterId}', b.clusterId)}`,
          httpVersion: 'HTTP/1.1', cookies: [], queryString: [], headersSize: -1, bodySize: 0,
          headers: [
            { name: 'host', value: host }, { name: 'x-acs-action', value: 'GetRayCluster' },
            { name: 'x-acs-version', value: '2023-08-08' }, { name: 'x-acs-date', value: date.replace(/\.\d+Z$/, 'Z') },
            { name: 'x-acs-signature-nonce', value: i.toString(16).padStart(32, '0') },
            { name: 'Authorization', value: 'ACS3-HMAC-SHA256 Credential=<access-key-id>,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=<redacted>' },
          ],
        },
        response: {
          status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [],
          headers: [{ name: 'Content-Type', value: 'application/json;charset=utf-8' }, { name: 'x-acs-request-id', value: b.requestId }],
          content: { size: Buffer.byteLength(text), mimeType: 'application/json', text },
          redirectURL: '', headersSize: -1, bodySize: Buffer.byteLength(text),
        },
        cache: {}, timings: { send: 0, wait: 85, receive: 0 },
      };
      fs.writeSync(har, (e ? ',\n' : '') + JSON.stringify(entry));
      fs.writeSync(arr, (e ? ',\n' : '') + text);
    }
    fs.writeSync(har, '\n]}}\n');
    fs.writeSync(arr, '\n]\n');
    fs.closeSync(har);
    fs.closeSync(arr);
  }
  console.log(`wrote ${files} HAR file(s) of ${count} entries to ${harDir} (the bodies as JSON arrays in ${arrayDir})`);
} else {
  console.error(`unknown input kind: ${what} (recordings or har)`);
  process.exit(2);
}
