/** Half of a UTF-16 surrogate pair with no other half: not text (encodeURIComponent throws on it, PostgreSQL refuses it). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const EVERY_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * The text with each lone surrogate replaced by U+FFFD: String.prototype.toWellFormed (ES2024) by
 * hand, because tsconfig's lib stays at ES2023 for the client's sake (browsers on older Chromium
 * cores, common on government intranets, lack ES2024 methods, and the lib is shared).
 */
export const wellFormed = (text: string): string => text.replace(EVERY_LONE_SURROGATE, '\uFFFD');
