/**
 * The frame every page of the hub shares, in the Système de Design de l'État: the head (DSFR
 * styles and script served by the gateway), skip links, the State's header and footer. The pages
 * (dashboard, map, project and structure pages) put their own content between them.
 */
import { DSFR_PATH } from "./routes";

/** The script every page of the hub loads before its own (gateway/dsfr/public/dom.js: window.hubPages). */
export const PAGES_SCRIPT_PATH = "/pages/dom.js";

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/** JSON inside <script type="application/json">: no "</script>" can close it early. */
export const inertJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** The Content-Security-Policy of the hub's pages: this origin only, no inline script or style. */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const PAGE_SECURITY_HEADERS = {
  "content-security-policy": PAGE_CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
};

export interface PageLink {
  href: string;
  text: string;
  id?: string;
  current?: boolean;
}

export interface PageFrame {
  title: string;
  /** Shown beside the Marque de l'État. */
  serviceTitle: string;
  serviceTagline: string;
  /** The page's own styles and scripts (after the DSFR's), and inert JSON configuration. */
  styles: string[];
  scripts: string[];
  /** ES modules (the DSFR chart components are). */
  modules?: string[];
  config?: { id: string; value: unknown };
  navigation: PageLink[];
}

/** Head, skip links and header; the page's <main id="contenu"> follows, then `pageEnd()`. */
export function pageStart(frame: PageFrame): string {
  const link = (l: PageLink) =>
    `<a class="fr-nav__link" href="${escapeHtml(l.href)}"${l.id ? ` id="${l.id}"` : ""}${l.current ? ' aria-current="page"' : ""}>${escapeHtml(l.text)}</a>`;
  return `<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>${escapeHtml(frame.title)}</title>
<link rel="icon" href="${DSFR_PATH}/favicon/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${DSFR_PATH}/dsfr.min.css">
<link rel="stylesheet" href="${DSFR_PATH}/utility/icons/icons.min.css">
${frame.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join("\n")}
${frame.config ? `<script type="application/json" id="${frame.config.id}">${inertJson(frame.config.value)}</script>` : ""}
<script type="module" src="${DSFR_PATH}/dsfr.module.min.js"></script>
<script nomodule src="${DSFR_PATH}/dsfr.nomodule.min.js"></script>
${(frame.modules ?? []).map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`).join("\n")}
${[PAGES_SCRIPT_PATH, ...frame.scripts].map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join("\n")}
</head>
<body>
<div class="fr-skiplinks">
  <nav class="fr-container" role="navigation" aria-label="Accès rapide">
    <ul class="fr-skiplinks__list">
      <li><a class="fr-link" href="#contenu">Aller au contenu</a></li>
      <li><a class="fr-link" href="#pied-de-page">Aller au pied de page</a></li>
    </ul>
  </nav>
</div>
<header role="banner" class="fr-header">
  <div class="fr-header__body">
    <div class="fr-container">
      <div class="fr-header__body-row">
        <div class="fr-header__brand fr-enlarge-link">
          <div class="fr-header__brand-top">
            <div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div>
          </div>
          <div class="fr-header__service">
            <a href="/carte" title="Accueil — ${escapeHtml(frame.serviceTitle)}"><p class="fr-header__service-title">${escapeHtml(frame.serviceTitle)}</p></a>
            <p class="fr-header__service-tagline">${escapeHtml(frame.serviceTagline)}</p>
          </div>
        </div>
      </div>
    </div>
  </div>
  <div class="fr-header__menu">
    <div class="fr-container">
      <nav class="fr-nav" role="navigation" aria-label="Menu principal">
        <ul class="fr-nav__list">
          ${frame.navigation.map((l) => `<li class="fr-nav__item">${link(l)}</li>`).join("\n          ")}
        </ul>
      </nav>
    </div>
  </div>
</header>
`;
}

export function pageEnd(): string {
  return `<footer class="fr-footer" role="contentinfo" id="pied-de-page">
  <div class="fr-container">
    <div class="fr-footer__body">
      <div class="fr-footer__brand fr-enlarge-link">
        <p class="fr-logo">République<br>Française</p>
      </div>
      <div class="fr-footer__content">
        <p class="fr-footer__content-desc">Politique des 1000 premiers jours de l'enfant. Montants en euros. Données lues dans le graphe fédéré des financeurs (ARS, DREETS, CAF, comité national des Maisons) par les opérations du contrat public.</p>
      </div>
    </div>
    <div class="fr-footer__bottom">
      <ul class="fr-footer__bottom-list">
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/graphql">Explorer le graphe (GraphiQL)</a></li>
      </ul>
      <div class="fr-footer__bottom-copy">
        <p>Sauf mention contraire, le code est sous licence MIT ; le Système de Design de l'État est soumis à ses conditions d'utilisation.</p>
      </div>
    </div>
  </div>
</footer>
</body>
</html>
`;
}
