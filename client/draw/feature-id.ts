/**
 * A UUID v4 for a new site part (terra-draw's default id strategy accepts only UUID v4).
 * crypto.randomUUID exists only in secure contexts; getRandomValues works on plain http too
 * (the app may be served on a LAN address).
 */
export function newFeatureId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
