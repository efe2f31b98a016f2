import type { ProjectAttributes } from '../../common/domain/development.ts';
import { parseProject } from '../check/development-input.ts';
import { parseSiteGeometry } from '../check/site-input.ts';
import { badRequest } from '../http/errors.ts';
import { parseVersion } from './workflow.ts';
import { MAX_INVESTMENT_WAN, RECORD_TEXT_FIELDS, RECORD_TEXT_MAX, type ProjectRecord } from '../../common/api/projects.ts';

export interface NewProject extends Partial<ProjectRecord> {
  name: string;
  geometry: GeoJSON.Geometry;
  project: ProjectAttributes;
  description: string | null;
  applicant: string | null;
}

/** Fields a PATCH may change; absent = unchanged, null = cleared (description, applicant). */
export interface ProjectChange extends Partial<ProjectRecord> {
  version: number;
  name?: string;
  geometry?: GeoJSON.Geometry;
  project?: ProjectAttributes;
  description?: string | null;
  applicant?: string | null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseName(input: unknown): string {
  const name = typeof input === 'string' ? input.trim() : '';
  if (!name || name.length > 200) {
    throw badRequest('INVALID_NAME', '项目名称（name）必填，最多 200 字', 'name is required (at most 200 characters)');
  }
  return name;
}

function parseOptionalText(input: unknown, field: string, maxLength: number): string | null {
  if (input === undefined || input === null) return null;
  if (typeof input !== 'string' || input.length > maxLength) {
    throw badRequest('INVALID_FIELD', `${field} 应为不超过 ${maxLength} 字的文本`, `${field} must be text of at most ${maxLength} characters`, { field });
  }
  return input.trim() || null;
}

function parseInvestment(input: unknown): number | null {
  if (input === null) return null;
  if (typeof input !== 'number' || !Number.isFinite(input) || input < 0 || input > MAX_INVESTMENT_WAN) {
    throw badRequest('INVALID_FIELD', `investmentWan（总投资，万元）应为 0–${MAX_INVESTMENT_WAN} 的数`, `investmentWan (investment, 10^4 yuan) must be a number from 0 to ${MAX_INVESTMENT_WAN}`, {
      field: 'investmentWan',
    });
  }
  return Math.round(input * 100) / 100;
}

/** The record fields present in the body (absent = unchanged; null or blank = cleared). */
function parseRecord(body: Record<string, unknown>): Partial<ProjectRecord> {
  const out: Partial<ProjectRecord> = {};
  for (const f of RECORD_TEXT_FIELDS) if (body[f] !== undefined) out[f] = parseOptionalText(body[f], f, RECORD_TEXT_MAX[f]);
  if (body.investmentWan !== undefined) out.investmentWan = parseInvestment(body.investmentWan);
  return out;
}

const FIELDS = new Set(['name', 'geometry', 'project', 'description', 'applicant', ...RECORD_TEXT_FIELDS, 'investmentWan']);

function assertKnownKeys(body: Record<string, unknown>, allowed: Set<string>): void {
  const unknown = Object.keys(body).filter((k) => !allowed.has(k));
  if (unknown.length > 0) {
    throw badRequest('UNKNOWN_FIELD', `未知字段：${unknown.join('、')}`, `Unknown field(s): ${unknown.join(', ')}`, { unknown, allowed: [...allowed] });
  }
}

function asBody(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw badRequest('INVALID_BODY', '请求体应为 JSON 对象', 'The request body must be a JSON object');
  return body;
}

/** POST /api/projects body → a validated new project (400/422 naming the problem). */
export function parseNewProject(input: unknown): NewProject {
  const body = asBody(input);
  assertKnownKeys(body, FIELDS);
  return {
    name: parseName(body.name),
    geometry: parseSiteGeometry(body.geometry),
    project: parseProject(body.project),
    description: parseOptionalText(body.description, 'description', 5000),
    applicant: parseOptionalText(body.applicant, 'applicant', 200),
    ...parseRecord(body),
  };
}

/** PATCH /api/projects/:id body: `version` is required (optimistic locking), the rest optional. */
export function parseProjectChange(input: unknown): ProjectChange {
  const body = asBody(input);
  assertKnownKeys(body, new Set([...FIELDS, 'version']));
  const change: ProjectChange = { version: parseVersion(body.version, { required: true })!, ...parseRecord(body) };
  if (body.name !== undefined) change.name = parseName(body.name);
  if (body.geometry !== undefined) change.geometry = parseSiteGeometry(body.geometry);
  if (body.project !== undefined) change.project = parseProject(body.project);
  if (body.description !== undefined) change.description = parseOptionalText(body.description, 'description', 5000);
  if (body.applicant !== undefined) change.applicant = parseOptionalText(body.applicant, 'applicant', 200);
  return change;
}
