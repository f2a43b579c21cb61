/** 事项目录: matters (with materials, departments and time limits) and 一件事 bundles. */
package org.tongban.engine.matter;
