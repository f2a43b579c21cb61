/** 电子证照: the adapter of the electronic-licence service that intake asks instead of taking paper (免证办). */
package org.tongban.integration.elicense;
