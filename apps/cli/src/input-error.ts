/** Input a person must fix (a file that cannot be read, a flag out of range): exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
