// Helper module: a default-exported function declaration plus a named export.
export default function greet(name) {
  return 'hello ' + name;
}
export const punctuation = '!';
