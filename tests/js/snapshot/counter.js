// The mission example: state built at build time is visible after snapshot and resume.
let counter = 0;
for (let i = 0; i < 100; i++) counter++;
print('built', counter); // expect: built 100

export function afterResume() {
  counter++;
  print(counter); // expect: 101
  counter += 10;
  print('resumed', counter); // expect: resumed 111
}
