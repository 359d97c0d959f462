import type { InputHTMLAttributes } from 'react';

interface AuthFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A line under the field (what is expected). */
  hint?: string;
}

/** One labelled input of the signed-out pages (sign-in, owner set-up, joining by invite). */
export function AuthField({ id, label, value, onChange, hint, ...input }: AuthFieldProps) {
  return (
    <>
      <label className="sign-in-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <span id={`${id}-hint`} className="sign-in-hint">
          {hint}
        </span>
      )}
    </>
  );
}

/** The error line of a signed-out page's form. */
export function AuthError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="sign-in-error" role="alert">
      {message}
    </p>
  );
}
