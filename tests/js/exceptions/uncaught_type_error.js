// An engine-raised TypeError that nothing catches ends the program.
const config = { server: undefined };
print('reading config'); // expect: reading config
print(config.server.port);
// expect runtime error: TypeError: Cannot read properties of undefined (reading 'port')
