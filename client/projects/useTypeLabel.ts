import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjectTypes } from '../check/useCatalogs.ts';
import { bilingualSide } from '../i18n/bundle.ts';

/** Project type key → its name in the UI language (from GET /api/project-types, shared with the check panel). */
export function useTypeLabel(): { label(type: string): string; types: { key: string; label: string }[] } {
  const { i18n } = useTranslation();
  const lang = bilingualSide(i18n.language);
  const { data } = useProjectTypes();
  const label = useCallback(
    (type: string) => {
      const entry = data?.types.find((x) => x.key === type);
      return entry ? entry[lang] : type;
    },
    [data, lang],
  );
  return { label, types: (data?.types ?? []).map((x) => ({ key: x.key, label: x[lang] })) };
}
