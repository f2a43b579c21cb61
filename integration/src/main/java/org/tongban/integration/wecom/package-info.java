/** WeCom-style (企业微信/粤政易-style) application messages with a cached access token. */
package org.tongban.integration.wecom;
