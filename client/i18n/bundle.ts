import i18n from 'i18next';

type Resources = Record<string, unknown>;

/**
 * Adds a feature's own strings to the app's i18next under their own namespace, so the draw, check
 * and report modules never edit the shared resource files. Works whether or not the app's i18n
 * has initialised yet (it registers on 'initialized' otherwise).
 */
export function registerBundle(namespace: string, bundles: { 'zh-CN': Resources; en: Resources }): void {
  const add = () => {
    for (const [lng, resources] of Object.entries(bundles)) {
      if (!i18n.hasResourceBundle(lng, namespace)) i18n.addResourceBundle(lng, namespace, resources, true, true);
    }
  };
  if (i18n.isInitialized || (i18n as { store?: unknown }).store) add();
  else i18n.on('initialized', add);
}

/** 'zh' for Chinese UI languages, else 'en': picks the side of a { zh, en } text from the API. */
export function bilingualSide(language: string | undefined): 'zh' | 'en' {
  return !language || language.startsWith('zh') ? 'zh' : 'en';
}
