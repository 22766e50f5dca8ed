// The with statement is outside the subset; in module (strict) code the parser itself
// rejects it ("Strict mode code may not include a with statement"), so the expected text is
// the part every wording shares.
const o = { a: 1 };
with (o) { // expect compile error: with statement
  print(a);
}
