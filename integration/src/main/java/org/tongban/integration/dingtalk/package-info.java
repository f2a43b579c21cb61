/** 浙政钉/DingTalk-style group robot: signed webhook messages. */
package org.tongban.integration.dingtalk;
