// JSON at build time and at run time: parsed data in the image, stringify after the resume.
const config = JSON.parse('{"name":"svc","retries":3,"hosts":["a","b"]}');
print(config.name, config.hosts.length); // expect: svc 2
export function afterResume() {
  print(JSON.stringify(config)); // expect: {"name":"svc","retries":3,"hosts":["a","b"]}
  const req = JSON.parse('{"id": 12, "items": [{"q": 2}, {"q": 5}]}');
  print(JSON.stringify({ id: req.id, total: req.items.reduce((s, i) => s + i.q, 0) }, null, 1)); // expect: {
  // expect:  "id": 12,
  // expect:  "total": 7
  // expect: }
}
