import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { citation } from '../../common/report/names.ts';
import { bilingualSide } from '../i18n/bundle.ts';
import type { ListedRule } from '../../common/api/rules.ts';
import { CHECK_NS } from './i18n.ts';
import { useRules } from './useCatalogs.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

function groupByKind(rules: ListedRule[]): [string, ListedRule[]][] {
  const groups = new Map<string, ListedRule[]>();
  for (const rule of rules) groups.set(rule.kind, [...(groups.get(rule.kind) ?? []), rule]);
  return [...groups.entries()];
}

/** The 规则库: every rule of GET /api/rules grouped by layer kind, with condition, verdict, citation and procedure. */
export function RulesLibrary({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation(CHECK_NS);
  const lang = bilingualSide(i18n.language);
  const dialog = useRef<HTMLDialogElement>(null);
  const { data: rules, error } = useRules(open);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const text = (b: { zh: string; en: string }) => (lang === 'zh' ? b.zh : b.en);
  const colon = lang === 'zh' ? '：' : ': ';
  return (
    <dialog ref={dialog} className="rules-library" onClose={onClose} aria-labelledby="rules-library-title" data-testid="rules-library">
      <header className="rules-library-header">
        <h2 id="rules-library-title">{t('rules.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('rules.close')}>
          ✕
        </button>
      </header>
      <p className="muted">{t('rules.intro')}</p>
      <p className="rules-library-download">
        {t('rules.download')}
        {colon}
        <a href="/api/rules.csv" download data-testid="rules-download-csv">
          {t('rules.downloadCsv')}
        </a>
        {' · '}
        <a href="/api/rules.xlsx" download data-testid="rules-download-xlsx">
          {t('rules.downloadXlsx')}
        </a>
      </p>
      {!rules && !error && <p>{t('rules.loading')}</p>}
      {error && <p role="alert">{error.message}</p>}
      {rules &&
        groupByKind(rules).map(([kind, group]) => (
          <section key={kind} className="rules-group">
            <h3>{group[0].kindLabel ? text(group[0].kindLabel) : t('rules.other')}</h3>
            <ol>
              {group.map((rule) => (
                <li key={rule.id} className="rule-entry" data-rule={rule.id}>
                  <div className="rule-entry-head">
                    <VerdictBadge verdict={rule.verdict} size="small" />
                    <span className="rule-entry-levels">
                      {rule.levelLabels ? rule.levelLabels.map(text).join(lang === 'zh' ? '、' : ', ') : t('rules.allLevels')}
                      {rule.relation !== 'overlaps' && ` · ${t(`rules.relation.${rule.relation}`)}`}
                      {rule.additive && ` · ${t('rules.additive')}`}
                    </span>
                    <code className="rule-entry-id">{rule.id}</code>
                  </div>
                  <div>
                    <strong>{t('rules.condition')}{colon}</strong>
                    {text(rule.conditionText)}
                  </div>
                  <div>
                    <strong>{t('rules.basis')}{colon}</strong>
                    <cite>{citation(rule.basis, lang)}</cite>{' '}
                    <span className={`rule-in-force rule-in-force-${rule.basis.inForce}`} data-testid="rule-in-force">
                      {t(`rules.inForce.${rule.basis.inForce}`)}
                    </span>
                    <blockquote>{lang === 'zh' ? rule.basis.textZh : rule.basis.textEn}</blockquote>
                    <dl className="rule-citation-check">
                      <dt>{t('rules.identity')}</dt>
                      <dd>{rule.basis.identity}</dd>
                      <dt>{rule.basis.check.verified ? t('rules.verified') : t('rules.unverified')}</dt>
                      <dd data-testid="rule-check" data-verified={rule.basis.check.verified}>
                        {t('rules.source')}
                        {colon}
                        {rule.basis.check.source}（{t('rules.checkedOn')} {rule.basis.check.checkedOn}）
                        {rule.basis.currencyNote && <div className="muted">{text(rule.basis.currencyNote)}</div>}
                      </dd>
                    </dl>
                  </div>
                  <div>
                    <strong>{t('rules.procedure')}{colon}</strong>
                    {text(rule.procedure)}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))}
    </dialog>
  );
}
