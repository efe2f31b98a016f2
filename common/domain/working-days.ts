/**
 * Review deadlines count working days (工作日) in China time: Monday to Friday. Public holidays and
 * their make-up working days (调休) change every year by State Council notice and are not known
 * here, so a deadline around 国庆 or 春节 reads a few days early — on the safe side for a reviewer.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the calendar date in China (UTC+8, no daylight saving). */
const chinaDay = (t: Date) => Math.floor((t.getTime() + CHINA_OFFSET_MS) / DAY_MS);

/** 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday. */
const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;

/** Weekdays from 1970-01-01 up to and including `day`. */
function weekdaysThrough(day: number): number {
  const weeks = Math.floor(day / 7);
  let n = weeks * 5;
  for (let d = weeks * 7; d <= day; d++) if (weekday(d) < 5) n++;
  return n;
}

/**
 * Working days that have passed from `from` to `to`: the weekdays after the day of `from`, up to and
 * including the day of `to` (China dates). Submitted Friday, Monday is day 1. 0 when `to` ≤ `from`.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const a = chinaDay(from);
  const b = chinaDay(to);
  return b <= a ? 0 : weekdaysThrough(b) - weekdaysThrough(a);
}

/** The deadline a review must be decided by if it had `allowed` working days: waited more is overdue. */
export const isOverdue = (waitedWorkingDays: number, allowedWorkingDays: number) => waitedWorkingDays > allowedWorkingDays;
