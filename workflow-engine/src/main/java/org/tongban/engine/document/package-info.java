/**
 * 公文: official documents. Outgoing documents are drafted, checked, countersigned, reviewed, signed off,
 * numbered, sealed, distributed and archived ({@code document-outgoing}); distribution registers an incoming
 * document in each recipient agency ({@code document-incoming}); any document can be passed round for reading
 * ({@code document-circulation}). Text versions with differences, attachments checked by content, gap-free
 * document numbers and the GB/T 9704-2012 PDF live here too.
 */
package org.tongban.engine.document;
