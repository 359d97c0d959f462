import { MASK } from './core-demo.ts';
import './demo.css';

/** What a variable's value shows as in presentation mode: `••••`, named for screen readers. */
export function HiddenValue({ name }: { name: string }) {
  return (
    <span className="hidden-value" role="img" aria-label={`Value of ${name}: hidden in presentation mode`} title="Hidden in presentation mode (Demo menu)">
      {MASK}
    </span>
  );
}
