/** Process and decision models (in {@code resources/bpmn/}), their keys and the delegate beans they call. */
package org.tongban.bpmn;
