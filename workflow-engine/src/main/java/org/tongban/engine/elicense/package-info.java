/**
 * 电子证照 (免证办): the port through which intake asks the electronic-licence service whether a material exists as
 * an electronic certificate. integration/ implements it; without an adapter no look-up is made.
 */
package org.tongban.engine.elicense;
