import { INSTRUMENTS, LAW, inForceOn, type InstrumentKey } from '../../../common/domain/laws.ts';
import type { Basis, CitationCheck, CitedBasis } from './rule.ts';

/**
 * Citations and the record of how each was checked (issue 20, 2026-12-02). A citation is
 * `verified` only when its article number and wording were seen in an official text; otherwise
 * the source says what was looked at, and an unknown article number stays visible as
 * ARTICLE_UNVERIFIED.
 */

export const CITATIONS_CHECKED_ON = '2026-12-02';

const checked = (verified: boolean, source: string): CitationCheck => ({ verified, source, checkedOn: CITATIONS_CHECKED_ON });

export const CHECK = {
  /** Laws and State Council regulations: the NPC's national database of laws and regulations. */
  npcText: checked(true, '国家法律法规数据库（flk.npc.gov.cn）所载官方文本'),
  /** 142号: the ministries' published notice. */
  notice142: checked(true, '自然资源部、生态环境部网站所载自然资发〔2022〕142号通知文本'),
  /** Articles whose substance is corroborated but whose wording or number was not seen in an official text. */
  secondary: (where: string) => checked(false, `未见官方原文；依据 shared/domain/rules.md ${where} 所列二手转载核对`),
} as const;

export function cite(instrument: InstrumentKey, article: string, textZh: string, textEn: string, check: CitationCheck): Basis {
  return { law: LAW[instrument], article, textZh, textEn, instrument, check };
}

/** The basis with its instrument's identity and whether it is in force on `isoDate` (the check date). */
export function citedOn(basis: Basis, isoDate: string): CitedBasis {
  if (basis.instrument === null) {
    return { ...basis, identity: '—', inForceFrom: null, inForceUntil: null, inForce: 'unconfirmed', currencyNote: null };
  }
  const i = INSTRUMENTS[basis.instrument];
  return {
    ...basis,
    identity: i.identity,
    inForceFrom: i.inForceFrom,
    inForceUntil: i.inForceUntil,
    inForce: inForceOn(i, isoDate),
    currencyNote: ('currencyNote' in i ? i.currencyNote : undefined) ?? null,
  };
}
