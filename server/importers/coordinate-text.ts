/**
 * One coordinate value as typed in spreadsheets: decimal ("106.67", "2922944.07"), decimal degrees
 * with a sign mark ("106.67°E"), or degrees-minutes-seconds ("106°40'12.5\"E", "106度40分12.5秒",
 * "26:24:36 N"). undefined when it is none of these.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_DEGREES = /^([+-])?(\d+(?:\.\d+)?)\s*(°|度)?\s*([NSEW东西南北])?$/i;
const DMS = /^([+-])?(\d+)\s*(?:°|度|:|\s)\s*(\d+(?:\.\d+)?)\s*(?:'|′|’|分|:)?\s*(?:(\d+(?:\.\d+)?)\s*(?:"|″|”|''|秒)?)?\s*([NSEW东西南北])?$/i;

const signOf = (sign: string | undefined, hemisphere: string | undefined) => (sign === '-' || /[SW西南]/i.test(hemisphere ?? '') ? -1 : 1);

export function parseCoordinateValue(text: string): number | undefined {
  const t = text.trim().replace(/．/g, '.');
  if (t === '') return undefined;
  if (DECIMAL.test(t)) return Number(t);
  const d = DECIMAL_DEGREES.exec(t);
  if (d && (d[3] || d[4])) return signOf(d[1], d[4]) * Number(d[2]);
  const m = DMS.exec(t);
  if (!m) return undefined;
  const minutes = Number(m[3]);
  const seconds = m[4] === undefined ? 0 : Number(m[4]);
  if (minutes >= 60 || seconds >= 60 || (m[4] !== undefined && !Number.isInteger(minutes))) return undefined;
  return signOf(m[1], m[5]) * (Number(m[2]) + minutes / 60 + seconds / 3600);
}
