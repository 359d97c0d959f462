/**
 * The curl options the importer understands, and the ones it knows to skip. Knowing whether an
 * option takes an argument matters even for skipped ones, or its argument would be read as the URL.
 */

export type CurlOptionName =
  | 'request' | 'header' | 'data' | 'data-raw' | 'data-binary' | 'data-urlencode' | 'json' | 'form' | 'form-string'
  | 'user' | 'url' | 'get' | 'head' | 'user-agent' | 'referer' | 'cookie' | 'oauth2-bearer';

type Known = { name: CurlOptionName; arg: boolean };

const LONG: Record<string, Known> = {
  '--request': { name: 'request', arg: true },
  '--header': { name: 'header', arg: true },
  '--data': { name: 'data', arg: true },
  '--data-ascii': { name: 'data', arg: true },
  '--data-raw': { name: 'data-raw', arg: true },
  '--data-binary': { name: 'data-binary', arg: true },
  '--data-urlencode': { name: 'data-urlencode', arg: true },
  '--json': { name: 'json', arg: true },
  '--form': { name: 'form', arg: true },
  '--form-string': { name: 'form-string', arg: true },
  '--user': { name: 'user', arg: true },
  '--url': { name: 'url', arg: true },
  '--get': { name: 'get', arg: false },
  '--head': { name: 'head', arg: false },
  '--user-agent': { name: 'user-agent', arg: true },
  '--referer': { name: 'referer', arg: true },
  '--cookie': { name: 'cookie', arg: true },
  '--oauth2-bearer': { name: 'oauth2-bearer', arg: true },
};

const SHORT: Record<string, Known> = {
  X: LONG['--request']!,
  H: LONG['--header']!,
  d: LONG['--data']!,
  F: LONG['--form']!,
  u: LONG['--user']!,
  G: LONG['--get']!,
  I: LONG['--head']!,
  A: LONG['--user-agent']!,
  e: LONG['--referer']!,
  b: LONG['--cookie']!,
};

// Options that change how curl runs (output, TLS, retries, verbosity), not what it sends.
const IGNORED_LONG_NO_ARG = new Set([
  '--compressed', '--silent', '--show-error', '--location', '--location-trusted', '--include', '--verbose', '--insecure',
  '--fail', '--fail-with-body', '--globoff', '--no-buffer', '--http1.0', '--http1.1', '--http2', '--http2-prior-knowledge',
  '--http3', '--ipv4', '--ipv6', '--progress-bar', '--no-progress-meter', '--remote-name', '--remote-name-all',
  '--remote-header-name', '--tr-encoding', '--raw', '--no-keepalive', '--path-as-is', '--tcp-nodelay', '--ssl',
  '--ssl-reqd', '--tlsv1.2', '--tlsv1.3', '--styled-output', '--no-styled-output', '--disable', '--create-dirs', '--anyauth',
  '--basic', '--digest', '--ntlm', '--negotiate', '--netrc', '--netrc-optional', '--post301', '--post302', '--post303',
]);
const IGNORED_LONG_WITH_ARG = new Set([
  '--output', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '--write-out', '--proxy',
  '--proxy-user', '--cacert', '--capath', '--cert', '--cert-type', '--key', '--key-type', '--pass', '--cookie-jar', '--resolve',
  '--connect-to', '--limit-rate', '--max-filesize', '--max-redirs', '--dump-header', '--trace', '--trace-ascii', '--stderr',
  '--interface', '--config', '--range', '--continue-at', '--upload-file', '--output-dir', '--keepalive-time', '--expect100-timeout',
  '--aws-sigv4', '--netrc-file', '--unix-socket', '--abstract-unix-socket', '--ciphers', '--pinnedpubkey', '--dns-servers',
  '--happy-eyeballs-timeout-ms', '--preproxy', '--noproxy', '--socks5', '--socks5-hostname', '--url-query',
]);
const IGNORED_SHORT_NO_ARG = new Set(['s', 'S', 'L', 'i', 'k', 'v', 'f', 'g', 'N', '#', '0', '1', '2', '3', '4', '6', 'j', 'l', 'n', 'O', 'R', 'q', 'Z', 'J', 'p']);
const IGNORED_SHORT_WITH_ARG = new Set(['o', 'm', 'x', 'w', 'E', 'c', 'K', 'r', 'C', 'T', 'U', 'D', 'Y', 'y', 'z', 't', 'P', 'Q']);

export type CurlArg =
  | { kind: 'option'; name: CurlOptionName; value: string; flag: string }
  | { kind: 'positional'; value: string }
  | { kind: 'ignored'; flag: string }
  | { kind: 'unknown'; flag: string }
  | { kind: 'missing-value'; flag: string };

/** Turns curl's argument words (after `curl`) into options, including bundled short flags like `-sSL` or `-XPOST`. */
export function readCurlArgs(words: string[]): CurlArg[] {
  const out: CurlArg[] = [];
  let i = 0;
  let optionsEnded = false;
  const nextValue = (flag: string): string | undefined => {
    if (i >= words.length) {
      out.push({ kind: 'missing-value', flag });
      return undefined;
    }
    return words[i++];
  };
  while (i < words.length) {
    const w = words[i++]!;
    if (optionsEnded || !w.startsWith('-') || w === '-') {
      out.push({ kind: 'positional', value: w });
    } else if (w === '--') {
      optionsEnded = true;
    } else if (w.startsWith('--')) {
      const known = LONG[w];
      if (known) {
        const value = known.arg ? nextValue(w) : '';
        if (value !== undefined) out.push({ kind: 'option', name: known.name, value, flag: w });
      } else if (IGNORED_LONG_NO_ARG.has(w) || w.startsWith('--no-')) {
        out.push({ kind: 'ignored', flag: w });
      } else if (IGNORED_LONG_WITH_ARG.has(w)) {
        i += 1;
        out.push({ kind: 'ignored', flag: w });
      } else {
        out.push({ kind: 'unknown', flag: w });
      }
    } else {
      // A bundle of short flags; the first one that takes an argument consumes the rest of the word.
      for (let j = 1; j < w.length; j += 1) {
        const c = w[j]!;
        const known = SHORT[c];
        const attached = w.slice(j + 1);
        if (known && known.arg) {
          const value = attached !== '' ? attached : nextValue(`-${c}`);
          if (value !== undefined) out.push({ kind: 'option', name: known.name, value, flag: `-${c}` });
          break;
        }
        if (known) {
          out.push({ kind: 'option', name: known.name, value: '', flag: `-${c}` });
        } else if (IGNORED_SHORT_NO_ARG.has(c)) {
          out.push({ kind: 'ignored', flag: `-${c}` });
        } else if (IGNORED_SHORT_WITH_ARG.has(c)) {
          if (attached === '') i += 1;
          out.push({ kind: 'ignored', flag: `-${c}` });
          break;
        } else {
          out.push({ kind: 'unknown', flag: `-${c}` });
        }
      }
    }
  }
  return out;
}
