/** An HTTP SMS gateway (the operator's or the provincial platform's) for must-reach messages. */
package org.tongban.integration.sms;
