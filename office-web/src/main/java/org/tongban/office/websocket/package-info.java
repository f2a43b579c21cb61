/**
 * STOMP over WebSocket at {@code /ws}: live chat, read receipts and notifications. The in-memory broker on one
 * node; with {@code tongban.websocket.relay.enabled} (profile {@code cluster}) a relay to RabbitMQ's STOMP plugin,
 * with user destinations and the user registry broadcast so every node reaches every connected person.
 */
package org.tongban.office.websocket;
