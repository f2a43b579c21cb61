/**
 * The domain core of Tongban: the embedded Camunda engine and the platform's features, one package each.
 * Only this module imports {@code org.camunda}; its public API speaks in the platform's own records.
 */
package org.tongban.engine;
