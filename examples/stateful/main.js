// @ts-check
// State kept in a warm instance. Module variables live in the VM's heap; a warm function
// instance keeps its heap between requests, so `visits` counts up. The table below is
// computed once, at deploy time, and travels in the image.
//
//   curl -X POST http://127.0.0.1:7071/visit -d '{"name":"Ada"}'    -> visits 1, 2, 3, ...
//   curl -X POST http://127.0.0.1:7071/visit-isolated -d '{}'       -> always visits 1
import { FunctionsApp, Internet } from 'azure-microvium';

const squares = [];
for (let i = 0; i <= 10; i++) squares.push(i * i);
print('deploy time: computed', squares.length, 'squares');

let visits = 0;
const seen = {};

function visit(body) {
  visits++;
  const name = body && typeof body.name === 'string' ? body.name : 'anonymous';
  seen[name] = (seen[name] || 0) + 1;
  return { visits: visits, yourVisits: seen[name], square: squares[visits % 11] };
}

// One warm instance, so every request sees the same heap.
const warm = new FunctionsApp('visits', visit, { instances: 1 });
// The same handler, but every request resumes a fresh copy of the image.
const isolated = new FunctionsApp('visits-isolated', visit, { isolation: 'per-request' });

Internet.listenAt('https://example.com/visit', 'POST', warm);
Internet.listenAt('https://example.com/visit-isolated', 'POST', isolated);
