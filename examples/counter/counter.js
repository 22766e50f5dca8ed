// Runs at build time: the loop and the print happen once, inside `mvc build`.
let counter = 0;
for (let i = 0; i < 100; i++) counter++;
print('built', counter);

// Runs after a resume: `counter` is still 100 in the image.
export function next() { counter++; return counter; }
