/** 数据共享交换: the outbound channel that reports case status changes to the provincial 一体化政务服务平台. */
package org.tongban.integration.datasharing;
