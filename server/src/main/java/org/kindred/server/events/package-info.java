/**
 * Staff state changes shared between the nodes of a cluster: bans, lifted bans, mutes, lifted
 * mutes and kicks of members connected to another node, published by the node where a moderator
 * acted and heard by every node, so that each can refresh what it keeps in memory and act on its
 * own connections. {@link
 * org.kindred.server.events.ClusterEvents} says what is guaranteed; {@link
 * org.kindred.server.events.LocalClusterEvents} is the single-node (loopback) default and {@link
 * org.kindred.server.events.RedisClusterEvents} the cluster one (Redis pub/sub). The durable truth
 * stays in the store: an event only says "this changed, look again".
 */
package org.kindred.server.events;
