/**
 * 审计日志: the append-only, hash-chained audit trail of every state change (等保 2.0 level 3). Features call
 * {@link org.tongban.engine.audit.AuditTrail#record} inside their own transaction; auditors and administrators
 * query and verify it; a daily job removes records past the retention period without breaking the chain.
 *
 * <h2>The chain</h2>
 * Records get consecutive ids under the row lock of the chain head ({@code tb_audit_head}), so appends are
 * serialised and never fork. Each record stores its predecessor's hash ({@code prev_hash}; 64 zeros for the very
 * first) and its own:
 * <pre>
 * hash      = lowerHex( SM3( UTF-8( prev_hash + "|" + canonical ) ) )
 * canonical = "v1" | id | occurredAtMillis | actor | onBehalfOf | action | objectType | objectId | result
 *                  | clientAddress | detail
 * </pre>
 * joined by {@code |} with no spaces, where
 * <ul>
 *   <li>{@code id} and {@code occurredAtMillis} (the instant as milliseconds since the epoch, UTC) are decimal
 *       integers, {@code result} is the enum name ({@code SUCCESS}, {@code FAILURE}, {@code DENIED});</li>
 *   <li>each text field is escaped: backslash → {@code \\}, {@code |} → {@code \|}, line feed → {@code \n},
 *       carriage return → {@code \r} (two characters each); everything else is kept as is, without Unicode
 *       normalisation;</li>
 *   <li>a null field is the two characters {@code \0} (an empty string cannot occur: blank fields are stored
 *       as null).</li>
 * </ul>
 * Example: id 7 by {@code zhangli} at 2026-01-02T03:04:05.678Z creating case 42 with no address and detail
 * {@code {"a":"x|y"}} has the canonical form
 * {@code v1|7|1767323045678|zhangli|\0|case.create|case|42|SUCCESS|\0|{"a":"x\|y"}}.
 *
 * <h2>Verification and retention</h2>
 * Verification walks the records from the retention anchor in id order, recomputes every hash, checks every
 * link and that ids are consecutive, and finally that the walk ends at the head: an edited record, a deleted
 * record and a truncated tail are each reported with the first broken id. Retention deletes the oldest records
 * and moves the anchor (id and hash of the last deleted record) in the same transaction.
 */
package org.tongban.engine.audit;
