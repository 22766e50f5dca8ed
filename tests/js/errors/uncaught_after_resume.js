// An error thrown out of afterResume is uncaught: output before it is kept.
class ConfigError extends Error {
  constructor(m) { super(m); this.name = 'ConfigError'; }
}
const settings = { retries: 3 };
print('built', settings.retries); // expect: built 3

export function afterResume() {
  print('checking'); // expect: checking
  if (settings.retries > 2) throw new ConfigError('too many retries: ' + settings.retries);
  print('not reached');
}
// expect runtime error: ConfigError: too many retries: 3
