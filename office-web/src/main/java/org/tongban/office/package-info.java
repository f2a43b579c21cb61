/** The web side of Tongban: REST controllers per feature, security, problem details. */
package org.tongban.office;
