/** Cross-cutting platform pieces: the failure types every feature throws, sequences, the engine's set-up. */
package org.tongban.engine.platform;
