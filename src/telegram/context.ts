import type { Context, MiddlewareFn } from 'grammy';
import { catalog, detectLang, type Lang, type Strings } from './i18n.js';

/** The context every feature sees: the update plus the user's UI language, resolved once per update. */
export interface LanguageFlavor {
  lang: Lang;
  t: Strings;
}

export type BotContext = Context & LanguageFlavor;

export function languageMiddleware(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.lang = detectLang(ctx.from?.language_code);
    ctx.t = catalog[ctx.lang];
    return next();
  };
}
