/**
 * One coordinate value as typed in spreadsheets: decimal ("106.67", "2922944.07"), decimal degrees
 * with a sign mark ("106.67°E"), or degrees-minutes-seconds ("106°40'12.5\"E", "106度40分12.5秒",
 * "26:24:36 N"). undefined when it is none of these.
 *
 * Read by a one-pass tokenizer, not by one regular expression with runs of `\s*` around optional
 * parts: such a pattern backtracks polynomially, and "1 1" + 4,000 spaces + "x" froze the server
 * for tens of seconds. Every step here consumes input, so the work is linear in the cell's length.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type Token =
  | { kind: 'num'; text: string }
  | { kind: 'deg' | 'colon' | 'min' | 'sec' | 'space' | 'sign' | 'hemi'; text: string };

const DEGREE_MARKS = new Set(['°', '度']);
const MINUTE_MARKS = new Set(["'", '′', '’', '分']);
const SECOND_MARKS = new Set(['"', '″', '”', '秒']);
const HEMISPHERES = /^[NSEW东西南北]$/i;
const isDigit = (c: string) => c >= '0' && c <= '9';
const isSpace = (c: string) => /\s/.test(c);

function tokenize(t: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t[i];
    if (isDigit(c)) {
      let j = i;
      while (j < t.length && isDigit(t[j])) j++;
      if (t[j] === '.' && isDigit(t[j + 1] ?? '')) {
        j++;
        while (j < t.length && isDigit(t[j])) j++;
      }
      tokens.push({ kind: 'num', text: t.slice(i, j) });
      i = j;
    } else if (isSpace(c)) {
      while (i < t.length && isSpace(t[i])) i++;
      tokens.push({ kind: 'space', text: ' ' });
    } else if (c === "'" && t[i + 1] === "'") {
      tokens.push({ kind: 'sec', text: "''" });
      i += 2;
    } else {
      const kind = DEGREE_MARKS.has(c)
        ? 'deg'
        : MINUTE_MARKS.has(c)
          ? 'min'
          : SECOND_MARKS.has(c)
            ? 'sec'
            : c === ':'
              ? 'colon'
              : c === '+' || c === '-'
                ? 'sign'
                : HEMISPHERES.test(c)
                  ? 'hemi'
                  : undefined;
      if (!kind) return undefined;
      tokens.push({ kind, text: c });
      i++;
    }
  }
  return tokens;
}

const signOf = (sign: string | undefined, hemisphere: string | undefined) => (sign === '-' || /[SW西南]/i.test(hemisphere ?? '') ? -1 : 1);

/** Decimal degrees with a degree mark and/or a hemisphere: "106.67°E", "-26.4°", "26.4 N". */
function decimalDegrees(body: Token[], sign: string | undefined, hemi: string | undefined): number | undefined {
  const [num, mark] = body;
  if (num?.kind !== 'num' || body.length > 2) return undefined;
  if (mark && mark.kind !== 'deg') return undefined;
  if (!mark && !hemi) return undefined;
  return signOf(sign, hemi) * Number(num.text);
}

/** Degrees (integer), minutes, optional seconds, with marks, colons or spaces between. */
function degreesMinutesSeconds(tokens: Token[], sign: string | undefined, hemi: string | undefined): number | undefined {
  let i = 0;
  const next = () => tokens[i];
  const skipSpace = () => {
    if (next()?.kind === 'space') i++;
  };
  const degrees = next();
  if (degrees?.kind !== 'num' || degrees.text.includes('.')) return undefined;
  i++;
  const hadSpace = next()?.kind === 'space';
  skipSpace();
  if (next()?.kind === 'deg' || next()?.kind === 'colon') i++;
  else if (!hadSpace) return undefined;
  skipSpace();
  const minutes = next();
  if (minutes?.kind !== 'num') return undefined;
  i++;
  skipSpace();
  if (next()?.kind === 'min' || next()?.kind === 'colon') i++;
  skipSpace();
  let seconds: string | undefined;
  if (next()?.kind === 'num') {
    seconds = next()!.text;
    i++;
    skipSpace();
    if (next()?.kind === 'sec') i++;
    skipSpace();
  }
  if (i !== tokens.length) return undefined;
  const m = Number(minutes.text);
  const s = seconds === undefined ? 0 : Number(seconds);
  if (m >= 60 || s >= 60 || (seconds !== undefined && !Number.isInteger(m))) return undefined;
  return signOf(sign, hemi) * (Number(degrees.text) + m / 60 + s / 3600);
}

export function parseCoordinateValue(text: string): number | undefined {
  const t = text.trim().replace(/．/g, '.');
  if (t === '') return undefined;
  if (DECIMAL.test(t)) return Number(t);
  if (t.length > 64) return undefined; // no degrees-minutes-seconds cell is this long
  const tokens = tokenize(t);
  if (!tokens) return undefined;
  let sign: string | undefined;
  if (tokens[0]?.kind === 'sign') sign = tokens.shift()!.text;
  let hemi: string | undefined;
  if (tokens.at(-1)?.kind === 'hemi') hemi = tokens.pop()!.text;
  if (tokens.at(-1)?.kind === 'space') tokens.pop();
  if (tokens.some((tk) => tk.kind === 'sign' || tk.kind === 'hemi')) return undefined;
  const body = tokens.filter((tk) => tk.kind !== 'space');
  return decimalDegrees(body, sign, hemi) ?? degreesMinutesSeconds(tokens, sign, hemi);
}
