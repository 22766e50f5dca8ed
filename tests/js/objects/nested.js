// Nested objects and arrays.
const config = {
  server: { host: 'localhost', port: 8080, tls: { enabled: false } },
  users: [{ name: 'ann', roles: ['admin'] }, { name: 'bob', roles: [] }],
};
print(config.server.host, config.server.port); // expect: localhost 8080
print(config.server.tls.enabled); // expect: false
print(config.users[0].name, config.users[0].roles[0]); // expect: ann admin
print(config.users[1].roles.length); // expect: 0
config.server.tls.enabled = true;
config.users[1].roles.push('viewer');
print(config.server.tls.enabled, config.users[1].roles[0]); // expect: true viewer
config.server.limits = { max: 10 };
config.server.limits.max += 5;
print(config.server.limits.max); // expect: 15
const tree = { value: 1, left: { value: 2, left: null, right: null }, right: { value: 3, left: { value: 4, left: null, right: null }, right: null } };
function sum(t) { return t === null ? 0 : t.value + sum(t.left) + sum(t.right); }
print(sum(tree)); // expect: 10
print(tree['right']['left'].value); // expect: 4
