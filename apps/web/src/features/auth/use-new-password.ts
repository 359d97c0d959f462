import { useState } from 'react';

/** Characters a new password needs at least (the server's rule, `newPasswordSchema`). */
export const MIN_PASSWORD = 10;

/** A new password typed twice: `ready` when long enough and both agree; `mismatch` to say so. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  return {
    password,
    setPassword,
    repeat,
    setRepeat,
    mismatch: repeat.length > 0 && repeat !== password,
    ready: password.length >= MIN_PASSWORD && repeat === password,
  };
}
