/**
 * The web and mobile office: the single-page UI (built by Vite from {@code office-web/frontend} into the jar's
 * {@code static/}), served with a fallback to {@code index.html} for client routes, its Content-Security-Policy,
 * and the small configuration the UI reads before login.
 */
package org.tongban.office.ui;
