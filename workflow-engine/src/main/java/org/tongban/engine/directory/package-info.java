/**
 * 通讯录: agencies, departments, people and their positions (role in a department). The platform's directory is
 * the source of truth; BPMN candidate groups are {@code <department>:<role>}.
 */
package org.tongban.engine.directory;
