// A class extending Error: instances are Errors with the subclass's name and message,
// catchable by instanceof at every level.
class AppError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}
class NotFound extends AppError {
  constructor(what) {
    super(what + ' not found', 404);
    this.name = 'NotFound';
  }
}
try {
  throw new NotFound('page');
} catch (e) {
  print(e instanceof NotFound, e instanceof AppError, e instanceof Error); // expect: true true true
  print(e.name, e.message, e.code, '' + e); // expect: NotFound page not found 404 NotFound: page not found
}
const saved = new AppError('saved', 500);

export function afterResume() {
  print(saved instanceof Error, saved.code, '' + saved); // expect: true 500 AppError: saved
  try {
    throw saved;
  } catch (e) {
    print(e === saved); // expect: true
  }
}
