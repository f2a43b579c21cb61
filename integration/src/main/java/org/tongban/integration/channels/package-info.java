/** What the outbound channel adapters share: their HTTP client set-up and the outcome of an HTTP answer. */
package org.tongban.integration.channels;
