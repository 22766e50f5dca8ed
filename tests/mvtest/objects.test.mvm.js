/*---
description: >
  Object literals with shorthand and methods, dot and computed access, adding and deleting
  properties, the in operator, nested objects and identity.
runExportedFunction: 0
assertionCount: 15
---*/
vmExport(0, run);

const x = 5;
const config = {
  x,
  name: 'cfg',
  nested: { deep: { value: 'd' } },
  'with space': 1,
  7: 'seven',
  describe() { return this.name + ':' + this.x; },
};

function run() {
  assertEqual(config.x, 5);
  assertEqual(config['name'], 'cfg');
  assertEqual(config.nested.deep.value, 'd');
  assertEqual(config['with space'], 1);
  assertEqual(config[7], 'seven');
  assertEqual(config['7'], 'seven');
  assertEqual(config.describe(), 'cfg:5');
  assertEqual(config.missing, undefined);
  config.added = 'new';
  assert('added' in config, 'added property is there');
  assertEqual(delete config.added, true);
  assert(!('added' in config), 'deleted property is gone');
  const key = 'dyn' + 1;
  config[key] = 42;
  assertEqual(config.dyn1, 42);
  const alias = config.nested;
  alias.deep.value = 'changed';
  assertEqual(config.nested.deep.value, 'changed');
  assert(alias === config.nested && alias !== { deep: alias.deep }, 'identity');
  assertEqual(typeof config, 'object');
}
